using Microsoft.EntityFrameworkCore;
using OneStop.Core.Common;
using OneStop.Core.Dossiers;
using OneStop.Core.Identity;
using OneStop.Core.Procedures;
using OneStop.Infrastructure.Data;
using OneStop.Workflows.Runtime;

namespace OneStop.Infrastructure.Dossiers;

/// <summary>Takes a dossier in: its code, the dossier row and the start of its workflow commit together or not at all.</summary>
public sealed class DossierIntake(OneStopDbContext db, DossierCodeGenerator codes, IWorkflowEngine engine, TimeProvider clock,
    Procedures.ProcedureVersions versions, IUnitOfWork unitOfWork)
{
    // Read for every dossier taken in: compiled (CompiledQueries says why).
    private static readonly CompiledQuery<Guid, Core.Organisation.Agency> AgencyById =
        new((db, id, _) => db.Agencies.AsNoTracking().Single(a => a.Id == id));

    /// <summary>A dossier handed in whole (at the counter, or by a program): it is created and submitted at once.</summary>
    public async Task<Dossier> SubmitAsync(NewDossier request, WorkflowActor submittedBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var procedure = await db.Procedures.AsNoTracking().SingleOrDefaultAsync(p => p.Code == request.ProcedureCode, cancellationToken)
            ?? throw new NotFoundException($"Không có thủ tục mã {request.ProcedureCode}.");
        if (!procedure.IsActive)
        {
            throw new DomainException("procedure.inactive", $"Thủ tục {procedure.Name} hiện không tiếp nhận hồ sơ.");
        }

        var agencyId = await ReceivingAgencyAsync(procedure, request.AgencyCode, cancellationToken);
        return await unitOfWork.InTransactionAsync(async () =>
        {
            var dossier = Dossier.Draft(procedure.Id, agencyId, request.Applicant, request.ApplicantUserId, request.FormDataJson,
                clock.GetUtcNow(), idempotencyKey: null, request.Channel);
            db.Dossiers.Add(dossier);
            await TakeInAsync(dossier, submittedBy, null, cancellationToken);
            return dossier;
        }, cancellationToken);
    }

    /// <summary>
    /// Submits a draft: code, status and workflow start in one transaction (the draft is tracked by this context).
    /// <paramref name="coded"/> runs once the dossier has its code, before it is saved: what it adds to the context (the notices
    /// that name the code) goes in the same save.
    /// </summary>
    public Task SubmitDraftAsync(Dossier draft, WorkflowActor submittedBy, CancellationToken cancellationToken = default, Action<Dossier>? coded = null) =>
        unitOfWork.InTransactionAsync(() => TakeInAsync(draft, submittedBy, coded, cancellationToken), cancellationToken);

    /// <summary>
    /// The agency a dossier goes to: the procedure's own, or for a procedure every commune handles, the active commune chosen.
    /// Drafts and dossiers handed in whole are routed by this one rule.
    /// </summary>
    public async Task<Guid> ReceivingAgencyAsync(Procedure procedure, string? agencyCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        if (procedure.AgencyId is { } own)
        {
            return own;
        }

        var code = agencyCode?.Trim().ToUpperInvariant()
            ?? throw new DomainException("dossier.agency_required", "Vui lòng chọn Ủy ban nhân dân xã, phường tiếp nhận hồ sơ.");
        return await db.Agencies.Where(a => a.Code == code && a.ClosedOn == null && a.Kind == Core.Organisation.AgencyKind.Commune)
                   .Select(a => (Guid?)a.Id).SingleOrDefaultAsync(cancellationToken)
               ?? throw new DomainException("dossier.agency_unknown", $"Không có xã, phường mã {agencyCode} đang hoạt động.");
    }

    private async Task TakeInAsync(Dossier draft, WorkflowActor submittedBy, Action<Dossier>? coded, CancellationToken cancellationToken)
    {
        var agency = await AgencyById.RunAsync(db, draft.AgencyId, cancellationToken);
        RefuseClosed(agency);
        var now = clock.GetUtcNow();
        var version = await versions.InForceAsync(draft.ProcedureId, now, cancellationToken);
        var instanceId = Guid.CreateVersion7(now);

        // From the counter's upsert to the commit every submission to this agency waits on its row, so all that is read is read
        // before it, and after it come only three round trips: the dossier's save (with whatever the caller adds once the code is
        // known), the workflow's start and the commit. The dossier is saved first, so the new tasks copy its facts as they are
        // inserted (InboxProjectionSql).
        draft.Submit(await codes.NextAsync(agency.Code, now, cancellationToken), now);
        draft.PinProcedureVersion(version.Id);
        draft.AttachWorkflow(instanceId);
        coded?.Invoke(draft);
        await db.SaveChangesAsync(cancellationToken);
        await engine.StartAsync(new StartWorkflowRequest(draft.Code!, agency.Code, submittedBy)
        {
            DefinitionId = version.WorkflowId,
            ApplicantId = draft.ApplicantUserId?.ToString(),
            InstanceId = instanceId,
        }, cancellationToken);
    }

    /// <summary>A closed agency (merged, dissolved) takes no new dossiers; its old ones carry on.</summary>
    private static void RefuseClosed(Core.Organisation.Agency agency)
    {
        if (!agency.IsActive)
        {
            throw new DomainException("dossier.agency_closed", $"{agency.Name} đã giải thể (sáp nhập), không tiếp nhận hồ sơ mới.");
        }
    }

    /// <summary>The actor for a citizen's own submission.</summary>
    public static WorkflowActor Citizen(Guid userId) => new(userId.ToString(), Roles.Citizen);
}

using Microsoft.EntityFrameworkCore;
using OneStop.Core.Common;
using OneStop.Core.Dossiers;
using OneStop.Core.Identity;
using OneStop.Infrastructure.Data;
using OneStop.Workflows.Runtime;

namespace OneStop.Infrastructure.Dossiers;

/// <summary>Takes a dossier in: its code, the dossier row and the start of its workflow commit together or not at all.</summary>
public sealed class DossierIntake(OneStopDbContext db, DossierCodeGenerator codes, IWorkflowEngine engine, TimeProvider clock,
    Procedures.ProcedureVersions versions)
{
    public async Task<Dossier> SubmitAsync(NewDossier request, WorkflowActor submittedBy, CancellationToken cancellationToken = default)
    {
        var procedure = await db.Procedures.AsNoTracking().SingleOrDefaultAsync(p => p.Code == request.ProcedureCode, cancellationToken)
            ?? throw new NotFoundException($"Không có thủ tục mã {request.ProcedureCode}.");
        if (!procedure.IsActive)
        {
            throw new DomainException("procedure.inactive", $"Thủ tục {procedure.Name} hiện không tiếp nhận hồ sơ.");
        }

        var agencyId = procedure.AgencyId;
        if (agencyId is null)
        {
            var code = request.AgencyCode?.Trim().ToUpperInvariant()
                ?? throw new DomainException("dossier.agency_required", "Vui lòng chọn cơ quan (xã, phường) tiếp nhận hồ sơ.");
            agencyId = await db.Agencies.Where(a => a.Code == code && a.ClosedOn == null).Select(a => (Guid?)a.Id).SingleOrDefaultAsync(cancellationToken)
                ?? throw new DomainException("dossier.agency_unknown", $"Không có cơ quan mã {request.AgencyCode} đang hoạt động.");
        }

        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == agencyId, cancellationToken);
        RefuseClosed(agency);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var dossierCode = await codes.NextAsync(agency.Code, now, cancellationToken);
        var dossier = new Dossier(dossierCode, procedure.Id, agency.Id, request.Applicant, request.ApplicantUserId, request.Channel,
            request.FormDataJson, now);
        var version = await versions.InForceAsync(procedure.Id, now, cancellationToken);
        dossier.PinProcedureVersion(version.Id);
        db.Dossiers.Add(dossier);
        await db.SaveChangesAsync(cancellationToken);
        var started = await engine.StartAsync(new StartWorkflowRequest(dossierCode, agency.Code, submittedBy)
        {
            DefinitionId = version.WorkflowId,
            ApplicantId = request.ApplicantUserId?.ToString(),
        }, cancellationToken);
        dossier.AttachWorkflow(started.Instance.Id);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return dossier;
    }

    /// <summary>Submits a draft: code, status and workflow start in one transaction (the draft is tracked by this context).</summary>
    public async Task SubmitDraftAsync(Dossier draft, WorkflowActor submittedBy, CancellationToken cancellationToken = default)
    {
        var procedure = await db.Procedures.AsNoTracking().SingleAsync(p => p.Id == draft.ProcedureId, cancellationToken);
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == draft.AgencyId, cancellationToken);
        RefuseClosed(agency);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        draft.Submit(await codes.NextAsync(agency.Code, now, cancellationToken), now);
        var version = await versions.InForceAsync(procedure.Id, now, cancellationToken);
        draft.PinProcedureVersion(version.Id);
        await db.SaveChangesAsync(cancellationToken);
        var started = await engine.StartAsync(new StartWorkflowRequest(draft.Code!, agency.Code, submittedBy)
        {
            DefinitionId = version.WorkflowId,
            ApplicantId = draft.ApplicantUserId?.ToString(),
        }, cancellationToken);
        draft.AttachWorkflow(started.Instance.Id);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
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

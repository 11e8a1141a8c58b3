using Microsoft.EntityFrameworkCore;
using OneStop.Application.Common;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Dossiers;
using OneStop.Infrastructure.Notifications;

namespace OneStop.Application.Dossiers;

public sealed record SubmitDossierCommand(Guid DossierId);

/// <summary>Checks the draft (form and required documents) and submits it: code, status, workflow and notice together. Submitting twice returns it unchanged.</summary>
public sealed class SubmitDossier(OneStopDbContext db, OwnDossiers own, ICurrentUser user, DossierIntake intake, ApplicantNotices notices,
    TimeProvider clock, IUnitOfWork unitOfWork) : UseCase<SubmitDossierCommand, Dossier>(unitOfWork)
{
    // Read for every submission: compiled (CompiledQueries says why).
    private static readonly CompiledQuery<Guid, Core.Procedures.Procedure> ProcedureById =
        new((db, id, _) => db.Procedures.AsNoTracking().Single(p => p.Id == id));

    public override async Task<Dossier> ExecuteAsync(SubmitDossierCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        try
        {
            return await base.ExecuteAsync(command, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Submitted at the same moment by another request (double click on two hosts): everything here rolled back; report the
            // winner's result. The save that lost may have failed on the dossier's version or on the winner's notice mail (its key
            // is the dossier's): either way the dossier is no longer a draft. If it still is, the failure was something else.
            db.ChangeTracker.Clear();
            var current = await own.ReadAsync(command.DossierId, cancellationToken);
            if (current.Status == DossierStatus.Draft)
            {
                throw;
            }

            return current;
        }
    }

    protected override async Task<Dossier> RunAsync(SubmitDossierCommand command, CancellationToken cancellationToken)
    {
        var dossier = await own.GetAsync(command.DossierId, cancellationToken);
        if (dossier.Status != DossierStatus.Draft)
        {
            return dossier;
        }

        var procedure = await ProcedureById.RunAsync(db, dossier.ProcedureId, cancellationToken);
        var errors = FormValidator.Validate(procedure.FormSchema, dossier.FormData);
        var attached = await db.DossierAttachments.Where(a => a.DossierId == dossier.Id).Select(a => a.DocumentCode).Distinct().ToListAsync(cancellationToken);
        foreach (var missing in procedure.RequiredDocuments.Where(d => d.IsRequired && !attached.Contains(d.Code)))
        {
            errors[$"attachments.{missing.Code}"] = [$"{missing.Name}: chưa đính kèm."];
        }

        if (errors.Count > 0)
        {
            throw new DossierValidationException(errors);
        }

        // The notice is read for before the code is taken and added with the dossier's own save (DossierIntake).
        var applicant = await notices.PrepareAsync(dossier, ApplicantNotices.SubmittedMarker(dossier), procedureName: procedure.Name,
            cancellationToken: cancellationToken);
        await intake.SubmitDraftAsync(dossier, user.AsApplicant(), cancellationToken,
            coded: submitted => notices.Add(submitted, ApplicantNotices.Submitted(submitted, clock.GetUtcNow()), applicant));
        return dossier;
    }
}

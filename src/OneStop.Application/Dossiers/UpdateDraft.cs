using OneStop.Application.Common;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Data;

namespace OneStop.Application.Dossiers;

public sealed record UpdateDraftCommand(Guid DossierId, string FormDataJson);

/// <summary>Saves the form of the applicant's draft (on every post and as they type).</summary>
public sealed class UpdateDraft(OneStopDbContext db, OwnDossiers own, TimeProvider clock, IUnitOfWork unitOfWork)
    : UseCase<UpdateDraftCommand, Dossier>(unitOfWork)
{
    protected override async Task<Dossier> RunAsync(UpdateDraftCommand command, CancellationToken cancellationToken)
    {
        var dossier = await own.GetAsync(command.DossierId, cancellationToken);
        dossier.UpdateDraft(dossier.Applicant, command.FormDataJson, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return dossier;
    }
}

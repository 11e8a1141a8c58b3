using OneStop.Application.Common;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Data;

namespace OneStop.Application.Dossiers;

public sealed record ChooseResultDeliveryCommand(Guid DossierId, ResultDelivery Delivery, string? PostalAddress);

/// <summary>The applicant chooses electronic delivery or post (with the address); possible from the draft until the result is handed over.</summary>
public sealed class ChooseResultDelivery(OneStopDbContext db, OwnDossiers own, IUnitOfWork unitOfWork)
    : UseCase<ChooseResultDeliveryCommand, Dossier>(unitOfWork)
{
    protected override async Task<Dossier> RunAsync(ChooseResultDeliveryCommand command, CancellationToken cancellationToken)
    {
        var dossier = await own.GetAsync(command.DossierId, cancellationToken);
        dossier.ChooseResultDelivery(command.Delivery, command.PostalAddress);
        await db.SaveChangesAsync(cancellationToken);
        return dossier;
    }
}

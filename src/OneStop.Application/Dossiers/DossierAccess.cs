using Microsoft.EntityFrameworkCore;
using OneStop.Application.Common;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Data;

namespace OneStop.Application.Dossiers;

/// <summary>
/// Who may see a dossier: its applicant; officials of its agency; officials of another agency while one of its open steps is
/// theirs (liên thông). Everyone else is told it does not exist.
/// </summary>
public sealed class DossierAccess(OneStopDbContext db, ICurrentUser user)
{
    public async Task<bool> CanSeeAsync(Dossier dossier, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        if (user.Id is not { } userId)
        {
            return false;
        }

        if (dossier.ApplicantUserId == userId)
        {
            return true;
        }

        if (dossier.Status == DossierStatus.Draft || !user.IsOfficial() || user.AgencyId is not { } agencyId)
        {
            return false;
        }

        if (agencyId == dossier.AgencyId)
        {
            return true;
        }

        var agencyCode = await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.Code).SingleOrDefaultAsync(cancellationToken);
        return agencyCode is not null
            && await db.WorkflowTasks.AnyAsync(t => t.InstanceId == dossier.WorkflowInstanceId && t.Agency == agencyCode, cancellationToken);
    }

    /// <summary>Whether the signed-in official belongs to the agency that received the dossier (not one it was routed to).</summary>
    public bool IsOwnAgency(Dossier dossier) => dossier is not null && user.AgencyId == dossier.AgencyId;
}

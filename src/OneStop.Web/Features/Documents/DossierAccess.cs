using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OneStop.Core.Dossiers;
using OneStop.Core.Identity;
using OneStop.Infrastructure.Data;

namespace OneStop.Web.Features.Documents;

/// <summary>
/// Who may see a dossier: its applicant; officials of its agency; officials of another agency while one of its open steps is
/// theirs (liên thông). Everyone else is told it does not exist.
/// </summary>
public sealed class DossierAccess(OneStopDbContext db)
{
    public async Task<bool> CanSeeAsync(ClaimsPrincipal user, Dossier dossier, CancellationToken cancellationToken)
    {
        if (user.Identity?.IsAuthenticated != true || !Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return false;
        }

        if (dossier.ApplicantUserId == userId)
        {
            return true;
        }

        if (dossier.Status == DossierStatus.Draft
            || !(user.IsInRole(Roles.Reception) || user.IsInRole(Roles.Specialist) || user.IsInRole(Roles.Leader))
            || !Guid.TryParse(user.FindFirstValue("agency"), out var agencyId))
        {
            return false;
        }

        if (agencyId == dossier.AgencyId)
        {
            return true;
        }

        var agencyCode = await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.Code).SingleOrDefaultAsync(cancellationToken);
        return agencyCode is not null
            && await db.WorkflowTasks.AnyAsync(t => t.DossierId == dossier.Code && t.Agency == agencyCode, cancellationToken);
    }
}

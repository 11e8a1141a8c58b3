using Microsoft.EntityFrameworkCore;
using OneStop.Application.Dossiers;
using OneStop.Infrastructure.Data;

namespace OneStop.Application.Workspace;

/// <summary>Whether the signed-in official may see a dossier now (a routed step may have gone back to its origin agency).</summary>
public sealed class OwnDossiersForOfficials(OneStopDbContext db, DossierAccess access)
{
    public async Task<bool> CanSeeAsync(Guid dossierId, CancellationToken cancellationToken) =>
        await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.Id == dossierId, cancellationToken) is { Code: not null } dossier
        && await access.CanSeeAsync(dossier, cancellationToken);

    public Task<string?> CodeAsync(Guid dossierId, CancellationToken cancellationToken) =>
        db.Dossiers.AsNoTracking().Where(d => d.Id == dossierId).Select(d => d.Code).SingleOrDefaultAsync(cancellationToken);
}

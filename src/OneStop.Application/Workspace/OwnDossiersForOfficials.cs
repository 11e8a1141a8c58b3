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

    /// <summary>
    /// The version of the dossier's workflow (what the officials' API gives as its ETag), or null when the official may no longer see the
    /// dossier (a routed step went back to its origin agency) or it has no workflow. Two short reads, not the whole dossier page.
    /// </summary>
    public async Task<long?> VersionAsync(Guid dossierId, CancellationToken cancellationToken)
    {
        var dossier = await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.Id == dossierId, cancellationToken);
        if (dossier is not { Code: not null, WorkflowInstanceId: { } instanceId } || !await access.CanSeeAsync(dossier, cancellationToken))
        {
            return null;
        }

        return await db.WorkflowInstances.AsNoTracking().Where(i => i.Id == instanceId).Select(i => (long?)i.Version).SingleOrDefaultAsync(cancellationToken);
    }
}

using Microsoft.EntityFrameworkCore;
using OneStop.Application.Common;
using OneStop.Core.Common;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Dossiers;

namespace OneStop.Application.Dossiers;

/// <summary>The signed-in applicant's own dossiers; anyone else's dossier does not exist for them.</summary>
public sealed class OwnDossiers(OneStopDbContext db, ICurrentUser user)
{
    /// <summary>The dossier, tracked for a change.</summary>
    public async Task<Dossier> GetAsync(Guid dossierId, CancellationToken cancellationToken)
    {
        var userId = user.RequireId();
        return await db.FindOwnedAsync(dossierId, userId, tracked: true, cancellationToken)
            ?? throw new NotFoundException("Không tìm thấy hồ sơ.");
    }

    /// <summary>The dossier as it is now, untracked (after a use case changed it).</summary>
    public async Task<Dossier> ReadAsync(Guid dossierId, CancellationToken cancellationToken)
    {
        var userId = user.RequireId();
        return await db.FindOwnedAsync(dossierId, userId, tracked: false, cancellationToken)
            ?? throw new NotFoundException("Không tìm thấy hồ sơ.");
    }
}

using Microsoft.EntityFrameworkCore;
using OneStop.Application.Common;
using OneStop.Application.Dossiers;
using OneStop.Core.Common;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Data;

namespace OneStop.Application.Workspace;

/// <summary>The dossiers an official may act on: those they may see (their agency's, or another's while one of its steps is theirs).</summary>
public sealed class WorkspaceDossiers(OneStopDbContext db, DossierAccess access)
{
    /// <summary>The submitted dossier, tracked for a change, or "not found" for one the official may not see.</summary>
    public async Task<Dossier> GetAsync(Guid dossierId, CancellationToken cancellationToken)
    {
        var dossier = await db.Dossiers.SingleOrDefaultAsync(d => d.Id == dossierId, cancellationToken);
        if (dossier?.Code is null || !await access.CanSeeAsync(dossier, cancellationToken))
        {
            throw new NotFoundException("Không tìm thấy hồ sơ.");
        }

        return dossier;
    }

    /// <summary>The workflow of the dossier: a dossier without one (a migrated one whose procedure has none) has no actions.</summary>
    public static Guid InstanceOf(Dossier dossier) =>
        dossier.WorkflowInstanceId ?? throw new ConflictException("dossier.no_workflow", $"Hồ sơ {dossier.Code} không có quy trình xử lý.");
}

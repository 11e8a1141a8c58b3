using Microsoft.EntityFrameworkCore;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Data;

namespace OneStop.Infrastructure.Dossiers;

/// <summary>
/// An applicant's own dossier, found by its key alone and then checked to be theirs. With the applicant in the same WHERE,
/// PostgreSQL rates the applicant's index as selective as the primary key whenever most dossiers have no account (migrated and
/// walk-in ones), and a plan cached for that walks the applicant's index through every dossier they own to return one
/// (2,116 rows read per lookup for the benchmark's citizen; PERFORMANCE.md, the tenth session).
/// The look-up runs on every request about an applicant's dossier (several times per online submission): a compiled query
/// (<see cref="CompiledQueries{TQuery}"/>).
/// </summary>
public static class OwnedDossierLookup
{
    private static readonly CompiledQuery<Guid, Dossier?> Tracked = new((db, id, _) => db.Dossiers.SingleOrDefault(d => d.Id == id));

    private static readonly CompiledQuery<Guid, Dossier?> Untracked = new((db, id, _) => db.Dossiers.AsNoTracking().SingleOrDefault(d => d.Id == id));

    /// <summary>The dossier if it exists and <paramref name="userId"/> applied for it, else null; tracked unless <paramref name="tracked"/> is false.</summary>
    public static async Task<Dossier?> FindOwnedAsync(this OneStopDbContext db, Guid dossierId, Guid userId, bool tracked,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var dossier = await (tracked ? Tracked : Untracked).RunAsync(db, dossierId, cancellationToken);
        if (dossier is null || dossier.ApplicantUserId == userId)
        {
            return dossier;
        }

        if (tracked)
        {
            db.Entry(dossier).State = EntityState.Detached;
        }

        return null;
    }

    /// <summary>Whether the dossier exists and <paramref name="userId"/> applied for it.</summary>
    public static async Task<bool> IsOwnedAsync(this IQueryable<Dossier> dossiers, Guid dossierId, Guid userId, CancellationToken cancellationToken) =>
        await dossiers.Where(d => d.Id == dossierId).Select(d => d.ApplicantUserId).SingleOrDefaultAsync(cancellationToken) == userId;
}

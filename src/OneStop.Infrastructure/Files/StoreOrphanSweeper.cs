using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using OneStop.Infrastructure.Data;

namespace OneStop.Infrastructure.Files;

/// <summary>
/// Deletes store files no row references, once they have not been written for <see cref="Grace"/>: the file of an upload whose request
/// then failed, or of a draft attachment deleted since. A save of the same bytes refreshes a file's time, so a file a new row is about
/// to name is never taken. Not while a legacy import may still be resumed: it stores a run's files before it inserts their rows.
/// </summary>
public sealed partial class StoreOrphanSweeper(OneStopDbContext db, IFileStore files, ILogger<StoreOrphanSweeper> logger)
{
    public static readonly TimeSpan Grace = TimeSpan.FromDays(1);

    /// <summary>The columns that name a store file by its SHA-256 (issued documents keep their bytes in the database). A table that keeps a file in the store is added here.</summary>
    public static readonly IReadOnlyList<(string Table, string Column)> FileReferences =
        [("dossier_attachments", "sha256"), ("citizen_documents", "sha256")];

    private const int Batch = 5_000;

    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Database.SqlQueryRaw<int>(
                "SELECT count(*)::int AS \"Value\" FROM legacy.import_runs WHERE status <> 'Completed' AND started_at > now() - interval '30 days'")
            .SingleAsync(cancellationToken) > 0)
        {
            LogSkipped(logger);
            return 0;
        }

        // Names from the constant list above, not input.
        var unreferenced = "SELECT f.h AS \"Value\" FROM unnest(@hashes) AS f(h) WHERE " +
            string.Join(" AND ", FileReferences.Select(r => $"NOT EXISTS (SELECT 1 FROM {r.Table} r WHERE r.{r.Column} = f.h)"));
        var deleted = 0;
        foreach (var batch in files.StoredOlderThan(Grace).Chunk(Batch))
        {
            var orphans = await db.Database.SqlQueryRaw<string>(unreferenced, new NpgsqlParameter("hashes", batch)).ToListAsync(cancellationToken);
            deleted += orphans.Count(sha256 => files.DeleteIfOlder(sha256, Grace));
        }

        if (deleted > 0)
        {
            LogSwept(logger, deleted);
        }

        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "File store: deleted {Count} files no row references")]
    private static partial void LogSwept(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "File store: orphan sweep skipped while a legacy import may still be resumed")]
    private static partial void LogSkipped(ILogger logger);
}

using Microsoft.EntityFrameworkCore;
using Npgsql;
using OneStop.Infrastructure.Data;

namespace OneStop.Infrastructure.Database;

/// <summary>Whether the database answers and is migrated — asked before anything reads a table, so that no query meets a missing one.</summary>
public sealed record DatabaseState(bool Reachable, IReadOnlyList<string> PendingMigrations, string? Problem)
{
    public bool Migrated => Reachable && PendingMigrations.Count == 0;

    /// <summary>Connects and lists the migrations not applied yet (reading only the migrations history, which may not exist).</summary>
    public static async Task<DatabaseState> ReadAsync(OneStopDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return new DatabaseState(true, pending, null);
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return new DatabaseState(false, [], OneLine(ex));
        }
    }

    /// <summary>The first line of the innermost database error (no stack trace, no connection string).</summary>
    public static string OneLine(Exception ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        var inner = ex;
        while (inner.InnerException is not null && inner is not NpgsqlException)
        {
            inner = inner.InnerException;
        }

        var message = inner is PostgresException pg ? $"{pg.SqlState}: {pg.MessageText}" : inner.Message;
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length > 300 ? line[..300] + "…" : line;
    }
}

using Microsoft.EntityFrameworkCore;
using Npgsql;
using OneStop.Infrastructure.Data;

namespace OneStop.Infrastructure.Database.Maintenance;

/// <summary>
/// Lets one host of many run a task once per period: the first to claim a due task runs it, the others see it claimed. The claim
/// is one upsert, so two hosts claiming at once are ordered by its row lock and the second finds the task no longer due.
/// A host that dies while running a task leaves it claimed until its next period (what the tasks here collect is garbage, and
/// collecting it a period later loses nothing).
/// </summary>
public sealed class MaintenanceClaims(OneStopDbContext db)
{
    private const string Claim = """
        INSERT INTO maintenance_claims (task, claimed_at, claimed_by) VALUES (@task, now(), @host)
        ON CONFLICT (task) DO UPDATE SET claimed_at = excluded.claimed_at, claimed_by = excluded.claimed_by
            WHERE maintenance_claims.claimed_at <= excluded.claimed_at - @every
        RETURNING 1 AS "Value"
        """;

    /// <summary>True when this host claimed <paramref name="task"/>, i.e. no host claimed it in the last <paramref name="every"/>.</summary>
    public async Task<bool> TryClaimAsync(string task, TimeSpan every, CancellationToken cancellationToken = default) =>
        (await db.Database.SqlQueryRaw<int>(Claim,
                new NpgsqlParameter("task", task), new NpgsqlParameter("host", Environment.MachineName), new NpgsqlParameter("every", every))
            .ToListAsync(cancellationToken)).Count == 1;

    /// <summary>Makes <paramref name="task"/> due again at once (its run failed).</summary>
    public Task ReleaseAsync(string task, CancellationToken cancellationToken = default) =>
        db.Database.ExecuteSqlRawAsync("DELETE FROM maintenance_claims WHERE task = @task", [new NpgsqlParameter("task", task)], cancellationToken);
}

using Microsoft.EntityFrameworkCore;
using OneStop.Infrastructure.Data;

namespace OneStop.Infrastructure.NationalPortal;

/// <summary>Counts of the national-portal outbox by state.</summary>
public sealed record PortalOutboxCounts(int Pending, int Failed, int Sent, DateTimeOffset? OldestPendingAt);

/// <summary>The national-portal outbox as administrators see it: counts, the messages set aside with their reasons, and retrying them.</summary>
public sealed class PortalOutbox(OneStopDbContext db, TimeProvider clock, Audit.IAuditLog audit)
{
    public async Task<PortalOutboxCounts> CountsAsync(CancellationToken cancellationToken)
    {
        var pending = db.PortalOutbox.AsNoTracking().Where(m => m.SentAt == null && m.FailedAt == null);
        return new PortalOutboxCounts(
            await pending.CountAsync(cancellationToken),
            await db.PortalOutbox.CountAsync(m => m.FailedAt != null, cancellationToken),
            await db.PortalOutbox.CountAsync(m => m.SentAt != null, cancellationToken),
            await pending.MinAsync(m => (DateTimeOffset?)m.CreatedAt, cancellationToken));
    }

    /// <summary>The messages set aside, oldest first.</summary>
    public async Task<IReadOnlyList<PortalMessage>> SetAsideAsync(int max, CancellationToken cancellationToken) =>
        await db.PortalOutbox.AsNoTracking().Where(m => m.FailedAt != null).OrderBy(m => m.Id).Take(max).ToListAsync(cancellationToken);

    /// <summary>
    /// Puts set-aside messages (one, or all when <paramref name="id"/> is null) back in the queue with a fresh count of attempts, and
    /// audits it; returns how many. The last error stays until a delivery succeeds or fails again.
    /// </summary>
    public async Task<int> RetryAsync(long? id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var count = await db.PortalOutbox.Where(m => m.FailedAt != null && m.SentAt == null && (id == null || m.Id == id))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.FailedAt, (DateTimeOffset?)null).SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.AvailableAt, now), cancellationToken);
        if (count > 0)
        {
            await audit.WriteAsync("nationalportal.retried", "NationalPortalMessage", id?.ToString(System.Globalization.CultureInfo.InvariantCulture), null,
                new { count }, cancellationToken: cancellationToken);
        }

        return count;
    }
}

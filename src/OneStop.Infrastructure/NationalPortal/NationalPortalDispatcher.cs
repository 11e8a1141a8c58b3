using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneStop.Core.Common;
using OneStop.Infrastructure.Data;

namespace OneStop.Infrastructure.NationalPortal;

/// <summary>
/// Delivers the national-portal outbox like the e-mail outbox: each row locked with SKIP LOCKED so hosts never send the same message at
/// once, marked sent in the transaction that locked it; a failure backs off and is retried, and after
/// <see cref="NationalPortalOptions.MaxAttempts"/> failures the message is set aside with its reason (an administrator retries it from
/// /Admin/NationalPortal). A dossier's messages go in their order: one waits while an earlier one of its dossier is not delivered.
/// </summary>
public sealed partial class NationalPortalDispatcher(OneStopDbContext db, INationalPortal portal, TimeProvider clock,
    IOptionsMonitor<NationalPortalOptions> options, ILogger<NationalPortalDispatcher> logger, Observability.OneStopMetrics? metrics = null)
{
    /// <summary>The label of this outbox in the metrics.</summary>
    public const string OutboxName = "portal";

    /// <summary>
    /// The next pending message whose dossier has no earlier one pending, in the order of the pending rows' partial index (see
    /// <c>EmailOutboxDispatcher.Poll</c>).
    /// </summary>
    public const string Poll = """
        SELECT * FROM national_portal_outbox o
        WHERE o.sent_at IS NULL AND o.failed_at IS NULL AND o.available_at <= {0}
          AND NOT EXISTS (SELECT 1 FROM national_portal_outbox e WHERE e.dossier_id = o.dossier_id AND e.sequence < o.sequence AND e.sent_at IS NULL)
        ORDER BY o.available_at, o.id LIMIT 1 FOR UPDATE SKIP LOCKED
        """;

    /// <summary>Delivers up to <paramref name="max"/> pending messages; returns how many were delivered.</summary>
    public async Task<int> DispatchAsync(int max, CancellationToken cancellationToken = default)
    {
        if (!options.CurrentValue.Enabled)
        {
            return 0;
        }

        var sent = 0;
        for (var i = 0; i < max && !cancellationToken.IsCancellationRequested; i++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var rows = await db.PortalOutbox
                .FromSqlRaw(Poll, now)
                .AsTracking().ToListAsync(cancellationToken);
            if (rows.Count == 0)
            {
                return sent;
            }

            var message = rows[0];
            using var activity = Observability.OneStopTelemetry.StartBackgroundActivity("onestop.portal.send");
            using var dossier = Observability.DossierLogContext.Begin(message.DossierCode);
            try
            {
                var nationalId = await db.PortalDossiers.Where(d => d.DossierId == message.DossierId).Select(d => d.NationalId).FirstOrDefaultAsync(cancellationToken);
                await portal.SendAsync(PortalMessageBody.Of(message, nationalId), cancellationToken);
                message.Attempts++;
                message.SentAt = clock.GetUtcNow();
                sent++;
            }
            catch (Exception ex) when (ex.IsFailure(cancellationToken))
            {
                message.Attempts++;
                message.LastError = ex.Message.Length > 1000 ? ex.Message[..1000] : ex.Message;
                if (message.Attempts >= options.CurrentValue.MaxAttempts)
                {
                    message.FailedAt = clock.GetUtcNow();
                    metrics?.SetAside(OutboxName);
                }
                else
                {
                    message.AvailableAt = clock.GetUtcNow() + Backoff(message.Attempts);
                }

                metrics?.DeliveryFailed(OutboxName);
                LogFailed(logger, message.Id, message.Sequence, message.Attempts, ex);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        return sent;
    }

    /// <summary>The wait after the n-th failure: 10 s, 20 s, 40 s … at most an hour (as for mails and workflow effects).</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(3600, Math.Pow(2, attempts) * 5));

    [LoggerMessage(Level = LogLevel.Warning, Message = "National portal message {MessageRowId} (sequence {Sequence}) failed on attempt {Attempt}")]
    private static partial void LogFailed(ILogger logger, long messageRowId, int sequence, int attempt, Exception exception);
}

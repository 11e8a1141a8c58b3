using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OneStop.Core.Common;
using OneStop.Infrastructure.Data;
using OneStop.Workflows.Runtime;

namespace OneStop.Infrastructure.Workflows;

/// <summary>Delivers outbox effects to their handlers, each row locked with SKIP LOCKED; failures back off and are retried, never dropped.</summary>
public sealed partial class WorkflowOutboxDispatcher(
    OneStopDbContext db, IEnumerable<IWorkflowEffectHandler> handlers, TimeProvider clock, ILogger<WorkflowOutboxDispatcher> logger,
    Observability.OneStopMetrics? metrics = null)
{
    private static readonly JsonSerializerOptions PayloadOptions = new(JsonSerializerDefaults.Web);

    /// <summary>The next pending effect, in the order of the pending rows' partial index (see <c>EmailOutboxDispatcher.Poll</c>).</summary>
    public const string Poll =
        "SELECT * FROM workflow_outbox WHERE delivered_at IS NULL AND available_at <= {0} ORDER BY available_at, id LIMIT 1 FOR UPDATE SKIP LOCKED";

    /// <summary>Delivers up to <paramref name="max"/> pending effects; returns how many were delivered.</summary>
    public async Task<int> DispatchAsync(int max, CancellationToken cancellationToken = default)
    {
        var delivered = 0;
        for (var i = 0; i < max && !cancellationToken.IsCancellationRequested; i++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var row = await db.WorkflowOutbox
                .FromSqlRaw(Poll, now)
                .AsTracking().ToListAsync(cancellationToken);
            if (row.Count == 0)
            {
                return delivered;
            }

            var entry = row[0];
            using var activity = Observability.OneStopTelemetry.StartBackgroundActivity("onestop.outbox.deliver");
            using var dossier = Observability.DossierLogContext.Begin(entry.DossierCode);
            var effect = JsonSerializer.Deserialize<WorkflowEffect>(entry.Payload, PayloadOptions)!;
            var handler = handlers.FirstOrDefault(h => h.Kind == effect.Kind);
            await transaction.CreateSavepointAsync("effect", cancellationToken);
            try
            {
                if (handler is null)
                {
                    throw new InvalidOperationException($"No handler for {effect.Kind} effects is registered on this host.");
                }

                await handler.HandleAsync(effect, entry.Id, cancellationToken);
                entry.DeliveredAt = clock.GetUtcNow();
                delivered++;
            }
            catch (Exception ex) when (ex.IsFailure(cancellationToken))
            {
                // Undo whatever the handler wrote, keep the entry, and try again later.
                await transaction.RollbackToSavepointAsync("effect", cancellationToken);
                foreach (var tracked in db.ChangeTracker.Entries().Where(e => !ReferenceEquals(e.Entity, entry)).ToList())
                {
                    tracked.State = EntityState.Detached;
                }

                entry.Attempts++;
                entry.LastError = ex.Message.Length > 1000 ? ex.Message[..1000] : ex.Message;
                entry.AvailableAt = clock.GetUtcNow() + TimeSpan.FromSeconds(Math.Min(3600, Math.Pow(2, entry.Attempts) * 5));
                metrics?.DeliveryFailed("workflow");
                LogFailed(logger, entry.Id, effect.Kind, entry.Attempts, ex);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        return delivered;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox entry {OutboxId} ({Kind}) failed on attempt {Attempt}; it will be retried")]
    private static partial void LogFailed(ILogger logger, long outboxId, EffectKind kind, int attempt, Exception exception);
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using OneStop.Core.Common;
using OneStop.Infrastructure.Workflows;
using OneStop.Testing;
using OneStop.Workflows.Runtime;

namespace OneStop.IntegrationTests.Workflows;

/// <summary>
/// An HttpClient's timeout is an OperationCanceledException nobody asked for. The dispatcher let it through as if the host were
/// stopping: a webhook slower than its 15-second timeout ended the workflow background service — and with it the host — on every host
/// that picked the effect up. It is a failure like any other now: retried later, and the dispatcher goes on.
/// </summary>
public sealed class EffectTimeoutTests
{
    private static readonly JsonSerializerOptions PayloadOptions = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task An_effect_whose_call_timed_out_is_retried_later_and_the_dispatcher_goes_on()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        await EnqueueAsync(db, "X-TIMEOUT-1");
        await EnqueueAsync(db, "X-TIMEOUT-2");
        var handler = new TimingOutWebhook();
        var dispatcher = new WorkflowOutboxDispatcher(db, [handler], TimeProvider.System, NullLogger<WorkflowOutboxDispatcher>.Instance);

        Assert.Equal(0, await dispatcher.DispatchAsync(10));

        Assert.Equal(2, handler.Calls);
        var rows = await db.WorkflowOutbox.AsNoTracking().Where(o => o.DossierCode.StartsWith("X-TIMEOUT-")).ToListAsync();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, row =>
        {
            Assert.Null(row.DeliveredAt);
            Assert.Equal(1, row.Attempts);
            Assert.Contains("Timeout", row.LastError, StringComparison.Ordinal);
            Assert.True(row.AvailableAt > DateTimeOffset.UtcNow);
        });
    }

    [Fact]
    public async Task The_dispatchers_own_cancellation_still_stops_it()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        await EnqueueAsync(db, "X-CANCEL-1");
        using var stopping = new CancellationTokenSource();
        var dispatcher = new WorkflowOutboxDispatcher(db, [new StoppingHost(stopping)], TimeProvider.System, NullLogger<WorkflowOutboxDispatcher>.Instance);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dispatcher.DispatchAsync(10, stopping.Token));
        Assert.True(new OperationCanceledException(stopping.Token).IsFailure(CancellationToken.None));
        Assert.False(new OperationCanceledException(stopping.Token).IsFailure(stopping.Token));
    }

    private static Task EnqueueAsync(DbContext db, string dossierCode)
    {
        var payload = JsonSerializer.Serialize(new WorkflowEffect(EffectKind.CallWebhook, Guid.NewGuid(), dossierCode) { Webhook = "slow" }, PayloadOptions);
        return db.Database.ExecuteSqlAsync($"""
            INSERT INTO workflow_outbox (instance_id, dossier_code, kind, payload, created_at, available_at, attempts)
            VALUES (gen_random_uuid(), {dossierCode}, 'CallWebhook', {payload}::jsonb, now(), now() - interval '1 second', 0)
            """);
    }

    /// <summary>What HttpClient throws when a receiver does not answer within its timeout.</summary>
    private sealed class TimingOutWebhook : IWorkflowEffectHandler
    {
        public int Calls { get; private set; }

        public EffectKind Kind => EffectKind.CallWebhook;

        public Task HandleAsync(WorkflowEffect effect, long outboxId, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromException(new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 15 seconds elapsing.",
                new TimeoutException("The operation was canceled.")));
        }
    }

    /// <summary>The host stopping while an effect is delivered.</summary>
    private sealed class StoppingHost(CancellationTokenSource stopping) : IWorkflowEffectHandler
    {
        public EffectKind Kind => EffectKind.CallWebhook;

        public Task HandleAsync(WorkflowEffect effect, long outboxId, CancellationToken cancellationToken)
        {
            stopping.Cancel();
            return Task.FromCanceled(cancellationToken);
        }
    }
}

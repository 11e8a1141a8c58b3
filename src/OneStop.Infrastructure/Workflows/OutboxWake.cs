using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Email;
using OneStop.Infrastructure.Workflows.Entities;
using OneStop.Core.Common;

namespace OneStop.Infrastructure.Workflows;

/// <summary>
/// Raised when a transaction that queued workflow effects, e-mails or national-portal messages commits, so this host applies them at
/// once (the documents an official's action issues, the notices it sends, the status the national portal is told) instead of at the next poll, which stays the safety net (another host, a crash
/// between commit and wake-up). Raising it many times before it is awaited wakes it once. Delivery itself stays the dispatchers'
/// (rows locked with SKIP LOCKED), so a document is never issued twice when this and a poll, or two hosts, wake together.
/// </summary>
public sealed class OutboxWakeSignal
{
    private readonly SemaphoreSlim _raised = new(0, 1);

    public void Raise()
    {
        try
        {
            _raised.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already raised and not yet awaited: one wake-up covers both.
        }
    }

    public Task WaitAsync(CancellationToken cancellationToken) => _raised.WaitAsync(cancellationToken);
}

/// <summary>Notes a save that added workflow effects, e-mails or national-portal messages; raises <see cref="OutboxWakeSignal"/> when it is committed (at once without a transaction).</summary>
internal sealed class OutboxWakeInterceptor(OutboxWakeSignal signal) : AfterCommitInterceptor
{
    protected override bool Concerns(DbContext context) => context.ChangeTracker.Entries()
        .Any(e => e.State == EntityState.Added && e.Entity is WorkflowOutboxRecord or OutgoingEmail or NationalPortal.PortalMessage);

    protected override void OnCommitted() => signal.Raise();

    /// <summary>Notes effects written outside SaveChanges (the workflow store's own statement): woken at commit, at once without a transaction.</summary>
    internal void Queued(DbContext context) => NoteWrittenOutsideSave(context);
}

/// <summary>
/// Applies queued workflow effects, then sends queued e-mails and national-portal messages, as soon as <see cref="OutboxWakeSignal"/> is raised on this host; off
/// where the background processing is off (the poll of <see cref="WorkflowBackgroundService"/> does the rest).
/// </summary>
internal sealed partial class OutboxWakeService(OutboxWakeSignal signal, IServiceScopeFactory scopes, IOptions<WorkflowOptions> options,
    IHostApplicationLifetime lifetime, ILogger<OutboxWakeService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.BackgroundProcessing || !options.Value.WakeOnCommit || !await HostStarted.WaitAsync(lifetime, stoppingToken))
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            await signal.WaitAsync(stoppingToken);
            try
            {
                await using (var scope = scopes.CreateAsyncScope())
                {
                    await scope.ServiceProvider.GetRequiredService<WorkflowOutboxDispatcher>().DispatchAsync(200, stoppingToken);
                }

                await using (var mail = scopes.CreateAsyncScope())
                {
                    await mail.ServiceProvider.GetRequiredService<EmailOutboxDispatcher>().DispatchAsync(200, stoppingToken);
                }

                await using (var portal = scopes.CreateAsyncScope())
                {
                    await portal.ServiceProvider.GetRequiredService<NationalPortal.NationalPortalDispatcher>().DispatchAsync(200, stoppingToken);
                }
            }
            catch (Exception ex) when (ex.IsFailure(stoppingToken))
            {
                LogFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Immediate delivery of workflow effects failed; the background poll will deliver them")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

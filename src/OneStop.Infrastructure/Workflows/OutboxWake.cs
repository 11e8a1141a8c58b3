using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneStop.Core.Common;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Email;
using OneStop.Infrastructure.Workflows.Entities;

namespace OneStop.Infrastructure.Workflows;

/// <summary>What a committed transaction queued, so the wake-up polls only the outboxes that have something new.</summary>
[Flags]
public enum OutboxKinds
{
    None = 0,
    WorkflowEffects = 1,
    Email = 2,
    NationalPortal = 4,
}

/// <summary>
/// Raised when a transaction that queued workflow effects, e-mails or national-portal messages commits, so this host applies them at
/// once (the documents an official's action issues, the notices it sends, the status the national portal is told) instead of at the next poll, which stays the safety net (another host, a crash
/// between commit and wake-up). Raising it many times before it is awaited wakes it once, for every kind raised. Delivery itself stays the dispatchers'
/// (rows locked with SKIP LOCKED), so a document is never issued twice when this and a poll, or two hosts, wake together.
/// </summary>
public sealed class OutboxWakeSignal
{
    private const OutboxKinds All = OutboxKinds.WorkflowEffects | OutboxKinds.Email | OutboxKinds.NationalPortal;
    private readonly SemaphoreSlim _raised = new(0, 1);
    private int _pending;

    public void Raise(OutboxKinds kinds)
    {
        // The kinds first: whoever is woken by the release below (or by an earlier one still pending) takes them.
        Interlocked.Or(ref _pending, (int)kinds);
        try
        {
            _raised.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already raised and not yet awaited: one wake-up covers both.
        }
    }

    /// <summary>Waits for a raise and takes the kinds raised since the last take (none when an earlier take got them already).</summary>
    public async Task<OutboxKinds> WaitAsync(CancellationToken cancellationToken)
    {
        await _raised.WaitAsync(cancellationToken);
        return Take();
    }

    /// <summary>
    /// Takes, of <paramref name="kinds"/>, those raised since they were last taken, without waiting; the others stay raised. The
    /// wake-up they raised then finds them taken, and costs nothing.
    /// </summary>
    public OutboxKinds Take(OutboxKinds kinds = All) => (OutboxKinds)(Interlocked.And(ref _pending, ~(int)kinds) & (int)kinds);
}

/// <summary>Notes a save that added workflow effects, e-mails or national-portal messages; raises <see cref="OutboxWakeSignal"/> for those kinds when it is committed (at once without a transaction).</summary>
internal sealed class OutboxWakeInterceptor(OutboxWakeSignal signal) : AfterCommitInterceptor
{
    protected override int Concerns(DbContext context)
    {
        var kinds = OutboxKinds.None;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Added)
            {
                kinds |= entry.Entity switch
                {
                    WorkflowOutboxRecord => OutboxKinds.WorkflowEffects,
                    OutgoingEmail => OutboxKinds.Email,
                    NationalPortal.PortalMessage => OutboxKinds.NationalPortal,
                    _ => OutboxKinds.None,
                };
            }
        }

        return (int)kinds;
    }

    protected override void OnCommitted(int concerned) => signal.Raise((OutboxKinds)concerned);

    /// <summary>Notes effects written outside SaveChanges (the workflow store's own statement): woken at commit, at once without a transaction.</summary>
    internal void Queued(DbContext context) => NoteWrittenOutsideSave(context, (int)OutboxKinds.WorkflowEffects);
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
            var kinds = await signal.WaitAsync(stoppingToken);
            try
            {
                if (kinds.HasFlag(OutboxKinds.WorkflowEffects))
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<WorkflowOutboxDispatcher>().DispatchAsync(200, stoppingToken);
                    // What the effects queued (their notices' mails, the portal's messages) goes out in this same wake-up; effects
                    // another transaction queued meanwhile stay raised for the next one.
                    kinds |= signal.Take(OutboxKinds.Email | OutboxKinds.NationalPortal);
                }

                if (kinds.HasFlag(OutboxKinds.Email))
                {
                    await using var mail = scopes.CreateAsyncScope();
                    await mail.ServiceProvider.GetRequiredService<EmailOutboxDispatcher>().DispatchAsync(200, stoppingToken);
                }

                if (kinds.HasFlag(OutboxKinds.NationalPortal))
                {
                    await using var portal = scopes.CreateAsyncScope();
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

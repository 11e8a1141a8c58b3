using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneStop.Core.Common;

namespace OneStop.Infrastructure.Workflows;

/// <summary>
/// Polls for due timers, pending outbox effects, pending e-mails and pending national-portal messages; safe to run on every host at
/// once. Housekeeping (sent mail, the file store's orphans) is <see cref="Database.Maintenance.MaintenanceService"/>'s.
/// </summary>
internal sealed partial class WorkflowBackgroundService(
    IServiceScopeFactory scopes, IOptions<WorkflowOptions> options, Observability.BackgroundHeartbeat heartbeat,
    IHostApplicationLifetime lifetime, ILogger<WorkflowBackgroundService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.BackgroundProcessing)
        {
            heartbeat.Disabled();
            return;
        }

        if (!await HostStarted.WaitAsync(lifetime, stoppingToken))
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds)));
        do
        {
            using var activity = Observability.OneStopTelemetry.StartBackgroundActivity("onestop.background.poll");
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<WorkflowTimerProcessor>().ProcessDueAsync(200, stoppingToken);
                heartbeat.Alive();
                await using var outboxScope = scopes.CreateAsyncScope();
                await outboxScope.ServiceProvider.GetRequiredService<WorkflowOutboxDispatcher>().DispatchAsync(200, stoppingToken);
                heartbeat.Alive();
                // Mail last, so what this tick's effects wrote to the e-mail outbox goes out in the same tick.
                await using var mailScope = scopes.CreateAsyncScope();
                await mailScope.ServiceProvider.GetRequiredService<Email.EmailOutboxDispatcher>().DispatchAsync(200, stoppingToken);
                await using var portalScope = scopes.CreateAsyncScope();
                await portalScope.ServiceProvider.GetRequiredService<NationalPortal.NationalPortalDispatcher>().DispatchAsync(200, stoppingToken);
                heartbeat.Beat();
            }
            catch (Exception ex) when (ex.IsFailure(stoppingToken))
            {
                heartbeat.Beat(ex);
                LogPollFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Workflow background poll failed; it will run again at the next tick")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);
}

using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OneStop.Infrastructure.Observability;
using OneStop.Infrastructure.Workflows;

namespace OneStop.Web.Hosting.Health;

/// <summary>
/// Ready when the workflow background service (timers, workflow outbox, e-mail) has polled recently: it reports after each part of a
/// poll, and has not been silent for four poll intervals or five minutes, whichever is longer (a poll that sends many e-mails
/// over a slow server takes a while). A poll that failed still proves the loop alive, but is reported degraded; an instance with
/// background processing switched off is ready without it.
/// </summary>
internal sealed class BackgroundProcessingCheck(BackgroundHeartbeat heartbeat, IOptions<WorkflowOptions> options, TimeProvider clock) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!options.Value.BackgroundProcessing || !heartbeat.Enabled)
        {
            return Task.FromResult(HealthCheckResult.Healthy("Background processing is off on this instance."));
        }

        var allowed = TimeSpan.FromSeconds(Math.Max(300, 4 * options.Value.PollSeconds));
        var silent = clock.GetUtcNow() - heartbeat.LastBeat;
        if (silent > allowed)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"The background service has not polled for {silent.TotalSeconds:N0} s."));
        }

        return Task.FromResult(heartbeat.LastError is { } error
            ? HealthCheckResult.Degraded($"The last background poll failed ({error}); it is retried every poll.")
            : HealthCheckResult.Healthy());
    }
}

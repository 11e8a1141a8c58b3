using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OneStop.Infrastructure.NationalPortal;

/// <summary>
/// Delivers national-portal messages as soon as the transaction that queued them commits on this host (<see cref="PortalDeliverySignal"/>);
/// the background poll delivers whatever this misses. Off where the background service is off.
/// </summary>
internal sealed partial class PortalDeliveryService(PortalDeliverySignal signal, IServiceScopeFactory scopes,
    IOptions<Workflows.WorkflowOptions> workflows, ILogger<PortalDeliveryService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!workflows.Value.BackgroundProcessing)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            await signal.WaitAsync(stoppingToken);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<NationalPortalDispatcher>().DispatchAsync(200, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Immediate national-portal delivery failed; the background poll will deliver the messages")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneStop.Core.Common;
using OneStop.Infrastructure.Workflows;

namespace OneStop.Infrastructure.Signing;

/// <summary>
/// Completes remote signatures in the background (with the workflow poll's switch): asks the CA about waiting requests every
/// Signing:Remote:PollSeconds, and issues the documents whose signature came back. Rows are locked with SKIP LOCKED, so any number of
/// hosts may run it.
/// </summary>
internal sealed partial class RemoteSignatureCompletion(
    IServiceScopeFactory scopes, IOptions<WorkflowOptions> workflows, IOptions<RemoteSigningSettings> settings, IHostApplicationLifetime lifetime,
    ILogger<RemoteSignatureCompletion> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!workflows.Value.BackgroundProcessing || !await HostStarted.WaitAsync(lifetime, stoppingToken))
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, settings.Value.PollSeconds)));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<RemoteSignatures>().CompleteDueAsync(cancellationToken: stoppingToken);
            }
            catch (Exception ex) when (ex.IsFailure(stoppingToken))
            {
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Completing remote signatures failed; it will run again at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

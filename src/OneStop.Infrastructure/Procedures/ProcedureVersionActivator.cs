using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneStop.Core.Common;
using OneStop.Infrastructure.Workflows;

namespace OneStop.Infrastructure.Procedures;

/// <summary>Puts scheduled procedure versions in force when their date arrives (with the workflow poll's switch and interval).</summary>
internal sealed partial class ProcedureVersionActivator(
    IServiceScopeFactory scopes, IOptions<WorkflowOptions> options, IHostApplicationLifetime lifetime, ILogger<ProcedureVersionActivator> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.BackgroundProcessing || !await HostStarted.WaitAsync(lifetime, stoppingToken))
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds)));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ProcedureVersions>().ApplyDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex.IsFailure(stoppingToken))
            {
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Applying scheduled procedure versions failed; it will run again at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneStop.Core.Common;
using OneStop.Infrastructure.Workflows;

namespace OneStop.Infrastructure.Database.Maintenance;

/// <summary>
/// The housekeeping every host offers and one host at a time does (<see cref="MaintenanceClaims"/>): the purge of sent mail kept
/// long enough, hourly, and the file store's orphan sweep, daily — it walks the whole store, and a file is an orphan only after a
/// day anyway. Each host looks hourly (and once at start) for a task due; the work runs here, not in the workflow poll, so a long
/// walk of the store never holds back timers and effects.
/// </summary>
public sealed partial class MaintenanceTasks(IServiceScopeFactory scopes, ILogger<MaintenanceTasks> logger)
{
    public const string PurgeSentMail = "email.purge-sent";
    public const string SweepStoreOrphans = "files.orphan-sweep";

    private static readonly IReadOnlyList<(string Task, TimeSpan Every, Func<IServiceProvider, CancellationToken, Task> Run)> Schedule =
    [
        (PurgeSentMail, TimeSpan.FromHours(1), (services, ct) => services.GetRequiredService<Email.EmailOutboxDispatcher>().PurgeSentAsync(ct)),
        (SweepStoreOrphans, TimeSpan.FromDays(1), (services, ct) => services.GetRequiredService<Files.StoreOrphanSweeper>().SweepAsync(ct)),
    ];

    /// <summary>Runs each task no host has run within its period; returns those this host ran. A task that fails is released, so it is due again.</summary>
    public async Task<IReadOnlyList<string>> RunDueAsync(CancellationToken cancellationToken = default)
    {
        var ran = new List<string>();
        foreach (var (task, every, run) in Schedule)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var claims = scope.ServiceProvider.GetRequiredService<MaintenanceClaims>();
                if (!await claims.TryClaimAsync(task, every, cancellationToken))
                {
                    continue;
                }

                try
                {
                    await run(scope.ServiceProvider, cancellationToken);
                    ran.Add(task);
                }
                catch (Exception ex) when (ex.IsFailure(cancellationToken))
                {
                    LogFailed(logger, task, ex);
                    await ReleaseAsync(claims, task);
                }
            }
            catch (Exception ex) when (ex.IsFailure(cancellationToken))
            {
                LogFailed(logger, task, ex);
            }
        }

        return ran;
    }

    // Due again at the next look; when the database cannot be reached for that either, after its period.
    private static async Task ReleaseAsync(MaintenanceClaims claims, string task)
    {
        try
        {
            await claims.ReleaseAsync(task, CancellationToken.None);
        }
        catch (Exception ex) when (DatabaseFailures.Unavailable(ex))
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Maintenance task {Task} failed; a host will run it again within the hour")]
    private static partial void LogFailed(ILogger logger, string task, Exception exception);
}

/// <summary>Runs <see cref="MaintenanceTasks"/> at start and hourly, where the background processing is on.</summary>
internal sealed class MaintenanceService(MaintenanceTasks tasks, IOptions<WorkflowOptions> options, IHostApplicationLifetime lifetime) : BackgroundService
{
    private static readonly TimeSpan LookEvery = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.BackgroundProcessing || !await HostStarted.WaitAsync(lifetime, stoppingToken))
        {
            return;
        }

        using var timer = new PeriodicTimer(LookEvery);
        do
        {
            await tasks.RunDueAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

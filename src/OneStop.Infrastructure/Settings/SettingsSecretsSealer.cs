using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using OneStop.Core.Common;
using OneStop.Infrastructure.Data;

namespace OneStop.Infrastructure.Settings;

/// <summary>
/// After start, encrypts any setting secret still stored in plain text (from before secrets were encrypted). It runs beside the
/// host, not before it: a host started while the database is unreachable (restarting, failing over) comes up, answers
/// /health/live, and seals once the database answers — found by the soak test, where a host restarted during PostgreSQL's restart
/// died in its start-up on this query. A plain value still reads meanwhile.
/// </summary>
internal sealed partial class SettingsSecretsSealer(IServiceScopeFactory scopes, SettingsSecrets secrets, SettingsCache cache, TimeProvider clock,
    ILogger<SettingsSecretsSealer> logger) : BackgroundService
{
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await SealAsync(stoppingToken);
                return;
            }
            catch (Exception ex) when (Database.DatabaseFailures.Unavailable(ex) && !stoppingToken.IsCancellationRequested)
            {
                // The database does not answer (yet): try again, less often the longer it is away.
                var wait = TimeSpan.FromSeconds(Math.Min(LongestWait.TotalSeconds, Math.Pow(2, Math.Min(attempt, 5))));
                LogWaiting(logger, attempt, ex.GetType().Name, wait.TotalSeconds);
                await Task.Delay(wait, clock, stoppingToken);
            }
            catch (Exception ex) when (ex.IsFailure(stoppingToken))
            {
                // Anything else (an unreadable row) will not change by waiting; the plain values keep working until the next start.
                LogFailed(logger, ex.GetType().Name);
                return;
            }
        }
    }

    private async Task SealAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        List<AppSetting> rows;
        try
        {
            rows = await db.Set<AppSetting>().Where(s => s.SecretValue != null).ToListAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return; // not migrated yet
        }

        var changed = false;
        foreach (var row in rows)
        {
            var values = JsonSerializer.Deserialize<Dictionary<string, string?>>(row.SecretValue!) ?? [];
            if (values.Values.Any(v => !string.IsNullOrEmpty(v) && !SettingsSecrets.IsSealed(v)))
            {
                row.SecretValue = secrets.SealAll(values);
                changed = true;
            }
        }

        if (changed)
        {
            await db.SaveChangesAsync(cancellationToken);
            cache.Invalidate();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Setting secrets not sealed yet, the database did not answer (attempt {Attempt}, {Error}); next try in {Seconds} s")]
    private static partial void LogWaiting(ILogger logger, int attempt, string error, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Setting secrets could not be sealed ({Error}); plain values keep working until the next start")]
    private static partial void LogFailed(ILogger logger, string error);
}

using Microsoft.Extensions.Diagnostics.HealthChecks;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Database;

namespace OneStop.Web.Hosting.Health;

/// <summary>Ready when the database answers and every migration this build knows is applied.</summary>
internal sealed class DatabaseReadyCheck(OneStopDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var state = await DatabaseState.ReadAsync(db, cancellationToken);
        if (!state.Reachable)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.");
        }

        return state.Migrated
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"{state.PendingMigrations.Count} migration(s) not applied: run 'onestop db migrate' as the schema owner.");
    }
}

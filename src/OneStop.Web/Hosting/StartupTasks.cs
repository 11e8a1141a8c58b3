using OneStop.Infrastructure.Database;
using OneStop.Infrastructure.Seeding;

namespace OneStop.Web.Hosting;

/// <summary>Optionally migrates and seeds before serving (used by docker compose; ./onestop run uses the CLI).</summary>
internal sealed class StartupTasks(IServiceProvider services, IConfiguration configuration) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Startup:MigrateDatabase", false))
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(cancellationToken);
        if (configuration.GetValue("Startup:SeedDemo", false))
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

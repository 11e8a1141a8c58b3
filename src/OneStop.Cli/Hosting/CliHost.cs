using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OneStop.Infrastructure;

namespace OneStop.Cli.Hosting;

/// <summary>Builds the service container the commands run in (configuration, database, Identity).</summary>
internal static class CliHost
{
    public static IHost Build()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Production });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None);
        builder.AddInfrastructure();
        return builder.Build();
    }

    public static async Task<T> RunScopedAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        using var host = Build();
        await using var scope = host.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }
}

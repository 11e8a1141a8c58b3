using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using OneStop.Infrastructure;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Database;
using OneStop.Infrastructure.Observability;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Spectre.Console;

namespace OneStop.Cli.Hosting;

/// <summary>Builds the service container the commands run in (configuration, database, Identity) and readies the database for them.</summary>
internal static class CliHost
{
    public static IHost Build()
    {
        // A command reads its configuration once. Reloading it on change would watch the working directory — wherever the operator
        // runs the command from, a database's data directory or `/` included — recursively, and wake on every write under it.
        var settings = new HostApplicationBuilderSettings { EnvironmentName = Environments.Production, Configuration = new ConfigurationManager() };
        settings.Configuration.AddInMemoryCollection([new("hostBuilder:reloadConfigOnChange", "false")]);
        var builder = Host.CreateApplicationBuilder(settings);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        // The commands report database trouble themselves, in one line; EF Core's own error logs carry stack traces.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.None);
        builder.AddInfrastructure();
        builder.AddOneStopOpenTelemetry("onestop-cli");
        var host = builder.Build();
        // Without a started host the providers are built here: a long import then exports its spans and metrics (OTEL_* set).
        host.Services.GetService<TracerProvider>();
        host.Services.GetService<MeterProvider>();
        return host;
    }

    /// <summary>
    /// Runs <paramref name="action"/> in a scope of the service container once the database is ready: configured, answering, and
    /// migrated — the pending migrations are applied first (as `onestop db migrate` would), so a fresh database just works. When it
    /// cannot be had, <see cref="DatabaseUnavailableException"/> says why in one line.
    /// </summary>
    public static async Task<T> RunScopedAsync<T>(Func<IServiceProvider, Task<T>> action, bool migrate = true, CancellationToken cancellationToken = default)
    {
        if (DatabaseOptions.ResolveConnectionString(null) is null)
        {
            throw new DatabaseUnavailableException(
                "Chưa cấu hình cơ sở dữ liệu / no database configured: set ConnectionStrings__OneStop (or ONESTOP_DB), or use ./onestop, which runs a local one.");
        }

        using var host = Build();
        await using var scope = host.Services.CreateAsyncScope();
        await EnsureReadyAsync(scope.ServiceProvider, migrate, cancellationToken);
        return await action(scope.ServiceProvider);
    }

    private static async Task EnsureReadyAsync(IServiceProvider services, bool migrate, CancellationToken cancellationToken)
    {
        var state = await DatabaseState.ReadAsync(services.GetRequiredService<OneStopDbContext>(), cancellationToken);
        if (!state.Reachable)
        {
            throw new DatabaseUnavailableException($"Không kết nối được cơ sở dữ liệu / the database does not answer: {state.Problem}");
        }

        if (state.Migrated || !migrate)
        {
            return;
        }

        AnsiConsole.MarkupLine($"Cơ sở dữ liệu chưa được cập nhật: áp dụng {state.PendingMigrations.Count} migration (migrating the database first).");
        try
        {
            await MigrateAsync(services, cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.UndefinedTable)
        {
            throw new DatabaseUnavailableException(
                $"Cơ sở dữ liệu cần cập nhật nhưng vai trò này không được phép / the database needs migrating and this role may not ({ex.SqlState}): run './onestop db migrate' with the schema owner's connection string.");
        }
    }

    /// <summary>
    /// Applies the migrations; a database the migrations refuse (e.g. one stopped part-way through the pre-release migrations)
    /// is a database problem with its own one-line explanation, not an unexpected error.
    /// </summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        try
        {
            await services.GetRequiredService<DatabaseInitializer>().MigrateAsync(cancellationToken);
        }
        catch (DatabaseNotUpgradableException ex)
        {
            throw new DatabaseUnavailableException(ex.Message);
        }
    }
}

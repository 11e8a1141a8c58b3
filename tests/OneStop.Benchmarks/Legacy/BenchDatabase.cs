using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using OneStop.Benchmarks.Harness;
using OneStop.Infrastructure;
using OneStop.Infrastructure.Database;
using OneStop.Infrastructure.Seeding;

namespace OneStop.Benchmarks.Legacy;

/// <summary>A fresh, migrated and demo-seeded database for one benchmark case (dropped first if it exists).</summary>
internal static class BenchDatabase
{
    public static string Server => Environment.GetEnvironmentVariable("ConnectionStrings__OneStop")
        ?? throw new InvalidOperationException("Set ConnectionStrings__OneStop to the PostgreSQL server to benchmark on.");

    public static async Task<string> CreateAsync(string name)
    {
        await ExecuteAsync(new NpgsqlConnectionStringBuilder(Server) { Database = "postgres", Pooling = false }.ConnectionString,
            $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", $"CREATE DATABASE \"{name}\" TEMPLATE template0");
        var connectionString = new NpgsqlConnectionStringBuilder(Server) { Database = name }.ConnectionString;
        using var host = Host(connectionString, Path.GetTempPath());
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        return connectionString;
    }

    public static IHost Host(string connectionString, string fileRoot)
    {
        var builder = BenchHost.CreateBuilder();
        builder.Configuration["ConnectionStrings:OneStop"] = connectionString;
        builder.Configuration["FileStore:Root"] = fileRoot;
        builder.Configuration["Workflows:BackgroundProcessing"] = "false";
        builder.Logging.ClearProviders();
        builder.AddInfrastructure();
        return builder.Build();
    }

    public static async Task ExecuteAsync(string connectionString, params string[] statements)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>
    /// Waits (at most three minutes) until no autovacuum worker runs on the cluster: after a million-dossier import, vacuuming and
    /// analysing its tables takes both cores for a while, and a measurement started then would measure that too.
    /// </summary>
    public static async Task WaitForQuietAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'", connection);
            if ((long)(await command.ExecuteScalarAsync())! == 0)
            {
                break;
            }

            await Task.Delay(1000);
        }

        Console.WriteLine($"  (waited {clock.Elapsed.TotalSeconds:N0} s for autovacuum to finish before the next measurement)");
    }
}

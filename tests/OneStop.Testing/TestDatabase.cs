using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OneStop.Infrastructure;
using Npgsql;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Database;
using OneStop.Infrastructure.Seeding;

namespace OneStop.Testing;

/// <summary>
/// A real PostgreSQL database of its own for one test class, copied from a template that is migrated and seeded
/// with the demo province once per test run, so classes run in parallel without seeing each other's data.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _template;

    /// <summary>
    /// Prefix of every database a test run creates. <c>./onestop test</c> sets it per checkout so that the clean-up of an
    /// interrupted run never drops the databases of another checkout's run on the same server.
    /// </summary>
    private static readonly string Prefix = Environment.GetEnvironmentVariable("ONESTOP_TEST_DB_PREFIX") is { Length: > 0 } p
        ? p
        : "onestop_t_";

    private TestDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>The server to test against: ONESTOP_TEST_DB, else ConnectionStrings__OneStop (set by ./onestop test).</summary>
    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("ONESTOP_TEST_DB")
        ?? DatabaseOptions.ResolveConnectionString(null)
        ?? throw new InvalidOperationException("No PostgreSQL for tests: run them with ./onestop test, or set ConnectionStrings__OneStop.");

    /// <summary>Creates a database from the migrated and seeded template.</summary>
    public static async Task<TestDatabase> CreateAsync()
    {
        var template = await EnsureTemplateAsync();
        return await CreateFromAsync(template);
    }

    /// <summary>Creates an empty database (no schema), for tests of the migrations themselves.</summary>
    public static Task<TestDatabase> CreateEmptyAsync() => CreateFromAsync("template0");

    public OneStopDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<OneStopDbContext>();
        DatabaseOptions.Configure(options, ConnectionString);
        return new OneStopDbContext(options.Options);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    private static async Task<TestDatabase> CreateFromAsync(string template)
    {
        var name = $"{Prefix}{Guid.NewGuid():N}"[..(Prefix.Length + 20)];
        await Gate.WaitAsync();
        try
        {
            await ExecuteOnServerAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        }
        finally
        {
            Gate.Release();
        }

        return new TestDatabase(name, WithDatabase(name));
    }

    private static async Task<string> EnsureTemplateAsync()
    {
        if (_template is not null)
        {
            return _template;
        }

        await Gate.WaitAsync();
        try
        {
            if (_template is not null)
            {
                return _template;
            }

            var name = $"{Prefix}tpl_{Environment.ProcessId}";
            await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            await ExecuteOnServerAsync($"CREATE DATABASE \"{name}\" TEMPLATE template0");
            await MigrateAndSeedAsync(WithDatabase(name));
            NpgsqlConnection.ClearAllPools();
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
                ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)").GetAwaiter().GetResult();
            _template = name;
            return name;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task MigrateAndSeedAsync(string connectionString)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["ConnectionStrings:OneStop"] = connectionString;
        builder.Logging.ClearProviders();
        builder.AddInfrastructure();
        using var host = builder.Build();
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
    }

    private static string WithDatabase(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database, Pooling = true, MaxPoolSize = 60 }.ConnectionString;

    private static async Task ExecuteOnServerAsync(string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

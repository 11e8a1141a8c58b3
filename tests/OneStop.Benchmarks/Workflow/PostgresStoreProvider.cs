using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using OneStop.Benchmarks.Harness;
using OneStop.Infrastructure;
using OneStop.Infrastructure.Data;
using OneStop.Workflows.Runtime;
using OneStop.Workflows.Runtime.State;
using OneStop.Workflows.Runtime.Store;

namespace OneStop.Benchmarks.Workflow;

/// <summary>
/// OneStop's PostgreSQL workflow store (the one the app uses), each measured case on a fresh migrated database of its own.
/// The server is ConnectionStrings__OneStop (./onestop starts the local one); databases are named onestop_bench_*.
/// </summary>
internal sealed class PostgresStoreProvider : IWorkflowStoreProvider
{
    private readonly string _server = Environment.GetEnvironmentVariable("ConnectionStrings__OneStop")
        ?? throw new InvalidOperationException("Set ConnectionStrings__OneStop (e.g. via ./onestop psql -c 'select 1' to start the local server).");
    private readonly List<(string Database, IHost Host)> _cases = [];

    public string Description => "PostgreSQL 15 (local, PostgresWorkflowStore)";

    public async Task<IWorkflowStore> CreateStoreAsync(CancellationToken cancellationToken = default)
    {
        var name = $"onestop_bench_{Environment.ProcessId}_{_cases.Count}";
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", cancellationToken);
        await ExecuteAsync($"CREATE DATABASE \"{name}\"", cancellationToken);
        var builder = BenchHost.CreateBuilder();
        builder.Configuration["ConnectionStrings:OneStop"] = new NpgsqlConnectionStringBuilder(_server) { Database = name, MaxPoolSize = 50 }.ConnectionString;
        builder.Configuration["Workflows:BackgroundProcessing"] = "false";
        builder.Logging.ClearProviders();
        builder.AddInfrastructure();
        var host = builder.Build();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<OneStopDbContext>().Database.MigrateAsync(cancellationToken);
        }

        _cases.Add((name, host));
        return new ScopedStore(host.Services);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (database, host) in _cases)
        {
            host.Dispose();
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", CancellationToken.None);
        }
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>One scope (DbContext, connection) per call, as one web request has, so concurrent workers never share a context.</summary>
    private sealed class ScopedStore(IServiceProvider services) : IWorkflowStore
    {
        public Task<WorkflowInstance?> LoadAsync(Guid instanceId, CancellationToken cancellationToken = default) =>
            InScope(store => store.LoadAsync(instanceId, cancellationToken));

        public Task<WorkflowInstance?> LoadExpectedAsync(Guid instanceId, long expectedVersion, CancellationToken cancellationToken = default) =>
            InScope(store => store.LoadExpectedAsync(instanceId, expectedVersion, cancellationToken));

        public Task<WorkflowInstance?> FindByDossierCodeAsync(string dossierCode, CancellationToken cancellationToken = default) =>
            InScope(store => store.FindByDossierCodeAsync(dossierCode, cancellationToken));

        public Task InsertAsync(WorkflowInstance instance, IReadOnlyList<WorkflowEffect> effects, CancellationToken cancellationToken = default) =>
            InScope(async store =>
            {
                await store.InsertAsync(instance, effects, cancellationToken);
                return true;
            });

        public Task SaveAsync(WorkflowInstance instance, long expectedVersion, IReadOnlyList<WorkflowEffect> effects, CancellationToken cancellationToken = default) =>
            InScope(async store =>
            {
                await store.SaveAsync(instance, expectedVersion, effects, cancellationToken);
                return true;
            });

        public Task<IReadOnlyList<DueTimer>> ListDueTimersAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default) =>
            InScope(store => store.ListDueTimersAsync(now, max, cancellationToken));

        private async Task<T> InScope<T>(Func<IWorkflowStore, Task<T>> work)
        {
            await using var scope = services.CreateAsyncScope();
            return await work(scope.ServiceProvider.GetRequiredService<IWorkflowStore>());
        }
    }
}

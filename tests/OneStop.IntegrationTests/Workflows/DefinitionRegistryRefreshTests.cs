using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Workflows;
using OneStop.Testing;
using OneStop.Workflows.Loading;
using OneStop.Workflows.Runtime;

namespace OneStop.IntegrationTests.Workflows;

/// <summary>
/// Found by the real-HTTP submissions benchmark (issue #15): a workflow starts inside the submitting transaction, which holds the
/// agency's code counter; when the registry's list of latest versions had expired (every 5 seconds) it was read again there,
/// synchronously, on a second connection. Under load the pool's connections were all held by submissions queued on that counter, so
/// the read waited for the pool's timeout and every submission with it (800 submissions at 40/s: 727 errors, p50 35 s). The expired
/// list is now answered at once and read again in the background.
/// </summary>
public sealed class DefinitionRegistryRefreshTests(WorkflowFixture fixture) : IClassFixture<WorkflowFixture>
{
    [Fact]
    public async Task A_workflow_started_in_a_transaction_after_the_list_expired_needs_no_second_connection_and_the_list_follows_the_database()
    {
        // One connection in the pool, given up after a second: the transaction holds it, so a read of the registry's own would fail.
        var oneConnection = new NpgsqlConnectionStringBuilder(fixture.Database.ConnectionString) { MaxPoolSize = 1, Timeout = 1 }.ConnectionString;
        await using var host = new ServiceHost(fixture.Database, fixture.Clock, fixture.MailDirectory,
            new Dictionary<string, string?> { ["ConnectionStrings:OneStop"] = oneConnection });
        var registry = host.Services.GetRequiredService<PostgresDefinitionRegistry>();
        await WorkflowFixture.StartDrivingLicenceAsync(host, "SGTVT-REFRESH-0001"); // the first read of the list on this host
        fixture.Clock.Advance(TimeSpan.FromSeconds(6));

        var started = await host.InScopeAsync(sp => sp.GetRequiredService<IUnitOfWork>().InTransactionAsync(() =>
            sp.GetRequiredService<IWorkflowEngine>().StartAsync(new StartWorkflowRequest("SGTVT-REFRESH-0002", "SGTVT", WorkflowFixture.Counter)
            {
                ProcedureCode = "1.002804",
            })));

        Assert.Equal(1, started.Instance.DefinitionVersion);

        // Another host publishes version 2: this host follows within a few seconds, without a request waiting for the read.
        await using (var other = fixture.NewHost())
        {
            var v2 = WorkflowLoader.LoadValid(WorkflowLoader.Write(registry.FindLatest("driving-licence-renewal")!));
            v2.Version = 2;
            Assert.True(other.Services.GetRequiredService<PostgresDefinitionRegistry>().Publish(v2, "admin@demo.onestop.vn"));
        }

        // The list read before is answered at once (the start above showed it: its transaction held the only connection) while a
        // background read follows; whether that read is the one the start began (late, under load) or the one this lookup begins,
        // the list follows the database within a few seconds.
        fixture.Clock.Advance(TimeSpan.FromSeconds(6));
        for (var i = 0; i < 200 && registry.FindLatest("driving-licence-renewal")!.Version == 1; i++)
        {
            await Task.Delay(50);
        }

        Assert.Equal(2, registry.FindLatest("driving-licence-renewal")!.Version);
        Assert.Equal(2, registry.FindLatestByProcedure("1.002804")!.Version);
    }
}

using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Data;
using OneStop.Testing;
using OneStop.Workflows.Runtime;
using OneStop.Workflows.Runtime.Errors;
using OneStop.Workflows.Runtime.Store;

namespace OneStop.IntegrationTests.Workflows;

/// <summary>
/// A change that names the version it expects (an official's If-Match) is computed from the committed state this host knows of that
/// version, without reading it again; a version that moved on elsewhere is still refused, and a state a transaction wrote and rolled
/// back is never used.
/// </summary>
public sealed class WorkflowStateCacheTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    [Fact]
    public async Task The_committed_state_of_the_expected_version_is_used_without_reading_it_and_any_other_version_is_read()
    {
        var dossier = await new DossierScenario(app.Services).SubmitDrivingLicenceAsync();
        var id = dossier.WorkflowInstanceId!.Value;
        await using var scope = app.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IWorkflowStore>();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var seen = (await store.LoadAsync(id))!;
        var stored = await db.WorkflowInstances.Where(i => i.Id == id).Select(i => i.State).SingleAsync();

        // The row changed behind the store's back at the same version (nothing in OneStop does that): the known state is used for
        // that version, a plain read and any other version read the row.
        await db.Database.ExecuteSqlAsync($"UPDATE workflow_instances SET state = jsonb_set(state, ARRAY['receivingAgency'], to_jsonb('KHAC'::text)) WHERE id = {id}");
        try
        {
            Assert.Equal(seen.ReceivingAgency, (await store.LoadExpectedAsync(id, seen.Version))!.ReceivingAgency);
            Assert.Equal("KHAC", (await store.LoadAsync(id))!.ReceivingAgency);
            Assert.Equal("KHAC", (await store.LoadExpectedAsync(id, seen.Version + 1))!.ReceivingAgency);
        }
        finally
        {
            await db.Database.ExecuteSqlAsync($"UPDATE workflow_instances SET state = {stored}::jsonb WHERE id = {id}");
        }
    }

    [Fact]
    public async Task A_version_another_host_moved_on_is_refused_though_this_host_still_knows_it()
    {
        var (dossier, id, reception) = await SubmittedAsync();
        WorkflowResult seen;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var instance = (await scope.ServiceProvider.GetRequiredService<IWorkflowStore>().LoadAsync(id))!;
            seen = new WorkflowResult(instance, []);
        }

        await using var other = app.WithWebHostBuilder(_ => { });
        await new DossierScenario(other.Services).ActAsAsync(dossier, "accept", DemoAccounts.ReceptionSgtvt);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var engine = scope.ServiceProvider.GetRequiredService<IWorkflowEngine>();
            await Assert.ThrowsAsync<WorkflowConflictException>(() => engine.PerformAsync(
                new PerformActionRequest(id, seen.Instance.OpenTasks.Single().Id, "accept", reception) { ExpectedVersion = seen.Instance.Version }));
        }

        await using var check = app.Database.CreateContext();
        Assert.Equal(seen.Instance.Version + 1, await check.WorkflowInstances.Where(i => i.Id == id).Select(i => i.Version).SingleAsync());
    }

    [Fact]
    public async Task A_state_written_in_a_transaction_that_rolled_back_is_never_used()
    {
        var (_, id, reception) = await SubmittedAsync();
        long version;
        Guid task;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            var engine = scope.ServiceProvider.GetRequiredService<IWorkflowEngine>();
            var store = scope.ServiceProvider.GetRequiredService<IWorkflowStore>();
            var current = (await engine.GetAsync(id))!;
            (version, task) = (current.Version, current.OpenTasks.Single().Id);
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                await engine.PerformAsync(new PerformActionRequest(id, task, "accept", reception) { ExpectedVersion = version });
                Assert.Equal(version + 1, (await store.LoadAsync(id))!.Version);   // its own write, read inside the transaction
                await transaction.RollbackAsync();
            }
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            // The rolled-back version is not known: asked for, it is read, and the row is still at the version before.
            var store = scope.ServiceProvider.GetRequiredService<IWorkflowStore>();
            Assert.Equal(version, (await store.LoadExpectedAsync(id, version + 1))!.Version);
            var engine = scope.ServiceProvider.GetRequiredService<IWorkflowEngine>();
            var accepted = await engine.PerformAsync(new PerformActionRequest(id, task, "accept", reception) { ExpectedVersion = version });
            Assert.Equal(version + 1, accepted.Instance.Version);
        }
    }

    [Fact]
    public async Task An_officials_action_on_the_version_the_page_showed_lists_and_performs_without_reading_the_state_again()
    {
        var (dossier, id, _) = await SubmittedAsync();
        var reception = await app.CreateBearerClientAsync(DemoAccounts.ReceptionSgtvt);
        using var view = await reception.GetAsync(new Uri($"/api/v1/workspace/dossiers/{dossier.Id}", UriKind.Relative));

        // Behind the store's back at the same version (nothing in OneStop does that), the state names a workflow that is not
        // published: read again, listing the actions would fail. The version the page showed is listed and acted on as shown.
        await using (var db = app.Database.CreateContext())
        {
            await db.Database.ExecuteSqlAsync(
                $"UPDATE workflow_instances SET state = jsonb_set(state, ARRAY['definitionId'], to_jsonb('khong-co'::text)) WHERE id = {id}");
        }

        var response = await reception.SendActionAsync(dossier.Id, view, "accept", JsonContent.Create(new { comment = "Hồ sơ đầy đủ." }));

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        await using var check = app.Database.CreateContext();
        var state = await check.WorkflowInstances.Where(i => i.Id == id).Select(i => i.State).SingleAsync();
        Assert.Contains("\"actionId\": \"accept\"", state, StringComparison.Ordinal);
    }

    /// <summary>A dossier just taken in, its workflow instance, and the counter official who receives it.</summary>
    private async Task<(Dossier Dossier, Guid InstanceId, WorkflowActor Reception)> SubmittedAsync()
    {
        var scenario = new DossierScenario(app.Services);
        var dossier = await scenario.SubmitDrivingLicenceAsync();
        return (dossier, dossier.WorkflowInstanceId!.Value, await scenario.OfficialAsync(DemoAccounts.ReceptionSgtvt));
    }
}

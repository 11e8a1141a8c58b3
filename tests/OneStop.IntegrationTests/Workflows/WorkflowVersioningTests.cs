using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Infrastructure.Workflows;
using OneStop.Workflows.Loading;
using OneStop.Workflows.Runtime;
using OneStop.Workflows.Runtime.Errors;
using OneStop.Workflows.Validation;

namespace OneStop.IntegrationTests.Workflows;

public sealed class WorkflowVersioningTests(WorkflowFixture fixture) : IClassFixture<WorkflowFixture>
{
    [Fact]
    public async Task The_seed_published_every_sample_workflow_once()
    {
        await using var db = fixture.Database.CreateContext();

        var published = await db.WorkflowDefinitions.Select(d => d.Procedures[0]).ToListAsync();

        Assert.Equal(["1.001193", "1.001612", "1.002804", "1.009994", "2.000488"], published.Order());
    }

    [Fact]
    public async Task A_new_version_leaves_running_instances_on_theirs_until_an_explicit_journaled_migration()
    {
        await using var host = fixture.NewHost();
        var running = await WorkflowFixture.StartDrivingLicenceAsync(host, "SGTVT-VERSION-0001");
        var registry = host.Services.GetRequiredService<PostgresDefinitionRegistry>();
        var v2 = WorkflowLoader.LoadValid(WorkflowLoader.Write(registry.FindLatest("driving-licence-renewal")!));
        v2.Version = 2;
        v2.Name += " (quy trình 2027)";
        v2.FindStep("reception")!.Id = "reception-2027";
        foreach (var action in v2.Steps.SelectMany(s => s.Actions).Where(a => a.Target == "reception"))
        {
            action.Target = "reception-2027";
        }

        Assert.True(registry.Publish(v2, "admin@demo.onestop.vn"));
        Assert.False(registry.Publish(v2, "admin@demo.onestop.vn"));
        var fresh = await WorkflowFixture.StartDrivingLicenceAsync(host, "SGTVT-VERSION-0002");

        Assert.Equal(1, (await Engine(host, e => e.GetAsync(running.Instance.Id)))!.DefinitionVersion);
        Assert.Equal(2, fresh.Instance.DefinitionVersion);

        var migrated = await Engine(host, e => e.MigrateAsync(new MigrateInstanceRequest(running.Instance.Id, 2, new WorkflowActor("admin", "Admin"))
        {
            StepMapping = new Dictionary<string, string> { ["reception"] = "reception-2027" },
            Comment = "Áp dụng quy trình mới từ 01/01/2027",
        }));

        Assert.Equal(2, migrated.Instance.DefinitionVersion);
        Assert.Equal("reception-2027", migrated.Instance.OpenTasks.Single().StepId);
        await using var db = fixture.Database.CreateContext();
        var record = await db.WorkflowInstances.SingleAsync(i => i.Id == running.Instance.Id);
        Assert.Equal(2, record.DefinitionVersion);
        Assert.Equal("reception-2027", (await db.WorkflowTasks.SingleAsync(t => t.InstanceId == record.Id)).StepId);
        Assert.Contains(await db.WorkflowJournal.Where(j => j.InstanceId == record.Id).ToListAsync(), j => j.Kind == OneStop.Workflows.Runtime.State.JournalKind.Migrated);
    }

    [Fact]
    public async Task A_version_is_immutable_and_a_broken_definition_is_never_published()
    {
        await using var host = fixture.NewHost();
        var registry = host.Services.GetRequiredService<PostgresDefinitionRegistry>();
        var changed = WorkflowLoader.LoadValid(WorkflowLoader.Write(registry.FindLatest("birth-registration")!));
        changed.Name = "Tên khác";
        var broken = WorkflowLoader.LoadValid(WorkflowLoader.Write(changed));
        broken.Id = "birth-registration-broken";
        broken.Steps[0].Assignee!.Department = "PHONG-KHONG-CO";

        Assert.Throws<DefinitionConflictException>(() => registry.Publish(changed, "admin"));
        var invalid = Assert.Throws<WorkflowValidationException>(() => registry.Publish(broken, "admin"));
        Assert.Contains(invalid.Problems, p => p.Code == ProblemCode.UnknownDepartment);
        await using var db = fixture.Database.CreateContext();
        Assert.False(await db.WorkflowDefinitions.AnyAsync(d => d.Id == "birth-registration-broken"));
    }

    private static Task<T> Engine<T>(OneStop.Testing.ServiceHost host, Func<IWorkflowEngine, Task<T>> work) =>
        host.InScopeAsync(sp => work(sp.GetRequiredService<IWorkflowEngine>()));
}

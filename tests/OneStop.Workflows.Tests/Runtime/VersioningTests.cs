using System.Text.Json.Nodes;
using OneStop.Workflows.Definitions;
using OneStop.Workflows.Loading;
using OneStop.Workflows.Runtime;
using OneStop.Workflows.Runtime.Errors;
using OneStop.Workflows.Runtime.State;
using OneStop.Workflows.Tests.Support;

namespace OneStop.Workflows.Tests.Runtime;

public class VersioningTests
{
    private static readonly WorkflowActor Admin = new("admin", WorkflowRoles.Admin, "UBND-LS");

    private static WorkflowDefinition BirthV2()
    {
        var json = File.ReadAllText(Path.Combine(RepoPaths.Workflows, "birth-registration.json")).Replace("\"review\"", "\"check\"", StringComparison.Ordinal);
        var node = JsonNode.Parse(json)!;
        node["version"] = 2;
        return WorkflowLoader.LoadValid(node.ToJsonString(), DemoOrganisation.Catalog);
    }

    [Fact]
    public void Publish_SameVersionDifferentContent_IsRejected_IdenticalIsNoOp()
    {
        var h = new EngineHarness();
        var v1 = h.Registry.FindLatest("birth-registration")!;
        h.Registry.Publish(WorkflowLoader.LoadValid(WorkflowLoader.Write(v1)));
        var changed = WorkflowLoader.LoadValid(WorkflowLoader.Write(v1));
        changed.Name = "Đăng ký khai sinh (sửa)";
        Assert.Throws<DefinitionConflictException>(() => h.Registry.Publish(changed));
        Assert.Equal("Đăng ký khai sinh", h.Registry.Find("birth-registration", 1)!.Name);
    }

    [Fact]
    public async Task RunningInstance_StaysOnItsVersion_UntilMigrated()
    {
        var h = new EngineHarness();
        var old = await h.StartAsync("birth-registration");
        await h.ActAsync(old, "reception", "accept");
        h.Registry.Publish(BirthV2());

        var fresh = await h.StartAsync("birth-registration");
        Assert.Equal(2, fresh.DefinitionVersion);
        var pinned = (await h.Engine.GetAsync(old.Id))!;
        Assert.Equal(1, pinned.DefinitionVersion);
        Assert.Equal("review", pinned.OpenTasks[0].StepId);

        var request = new MigrateInstanceRequest(old.Id, 2, Admin) { StepMapping = new Dictionary<string, string> { ["review"] = "check" }, Comment = "Quy trình mới" };
        await Assert.ThrowsAsync<ActionNotAllowedException>(() => h.Engine.MigrateAsync(request with { Actor = EngineHarness.Applicant }));
        await Assert.ThrowsAsync<WorkflowMigrationException>(() => h.Engine.MigrateAsync(request with { StepMapping = new Dictionary<string, string>() }));
        await Assert.ThrowsAsync<WorkflowNotFoundException>(() => h.Engine.MigrateAsync(request with { TargetVersion = 9 }));

        var migrated = (await h.Engine.MigrateAsync(request)).Instance;
        Assert.Equal(2, migrated.DefinitionVersion);
        Assert.Equal("check", migrated.OpenTasks[0].StepId);
        var entry = migrated.Journal[^1];
        Assert.Equal(JournalKind.Migrated, entry.Kind);
        Assert.Equal("v1 → v2: Quy trình mới", entry.Comment);

        await h.ActAsync(migrated, "check", "submit");
        var done = (await h.ActAsync(migrated, "approval", "approve")).Instance;
        Assert.Equal(EndOutcome.Completed, done.Outcome);
    }

    [Fact]
    public async Task Start_ByProcedureCode_UsesLatestVersion()
    {
        var h = new EngineHarness();
        h.Registry.Publish(BirthV2());
        var result = await h.Engine.StartAsync(new StartWorkflowRequest("HS-1", "X-CL", EngineHarness.Applicant) { ProcedureCode = "1.001193" });
        Assert.Equal(("birth-registration", 2), (result.Instance.DefinitionId, result.Instance.DefinitionVersion));
        await Assert.ThrowsAsync<WorkflowConflictException>(() =>
            h.Engine.StartAsync(new StartWorkflowRequest("HS-1", "X-CL", EngineHarness.Applicant) { ProcedureCode = "1.001193" }));
        await Assert.ThrowsAsync<WorkflowNotFoundException>(() =>
            h.Engine.StartAsync(new StartWorkflowRequest("HS-2", "X-CL", EngineHarness.Applicant) { ProcedureCode = "9.999999" }));
    }
}

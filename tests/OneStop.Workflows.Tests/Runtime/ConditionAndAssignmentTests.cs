using System.Text.Json;
using OneStop.Workflows.Runtime;
using OneStop.Workflows.Runtime.Errors;
using OneStop.Workflows.Runtime.State;
using OneStop.Workflows.Tests.Support;

namespace OneStop.Workflows.Tests.Runtime;

public class ConditionAndAssignmentTests
{
    private static readonly WorkflowActor KtSpecialist = new("kt-1", "Specialist", "P-LVT", "KT");

    [Theory]
    [InlineData(2_000_000_000, "individual", "submitForReview")]
    [InlineData(100_000_000, "business", "submitForReview")]
    [InlineData(100_000_000, "individual", "submit")]
    [InlineData(1_000_000_000, "individual", "submit")]
    public async Task HouseholdBusiness_ConditionOnFormData_RoutesReview(long capital, string applicantType, string expected)
    {
        var h = new EngineHarness();
        var instance = await h.StartAsync("household-business-registration");
        await h.ActAsync(instance, "reception", "accept");
        var form = new Dictionary<string, object?> { ["capital"] = capital, ["applicantType"] = applicantType };

        var routes = (await h.Engine.ListAvailableActionsAsync(instance.Id, KtSpecialist, form))
            .Select(a => a.ActionId).Where(a => a.StartsWith("submit", StringComparison.Ordinal));
        Assert.Equal([expected], routes);
    }

    [Fact]
    public async Task HouseholdBusiness_JsonFormData_AndForbiddenRoute_Throws()
    {
        var h = new EngineHarness();
        var instance = await h.StartAsync("household-business-registration");
        await h.ActAsync(instance, "reception", "accept");
        var form = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>("""{ "capital": 1500000000, "applicantType": "individual" }""")!
            .ToDictionary(p => p.Key, p => (object?)p.Value);

        var error = await Assert.ThrowsAsync<ActionNotAllowedException>(() => h.ActAsync(instance, "review", "submit", form));
        Assert.Equal("workflow.action-not-allowed.condition", error.Code);
        Assert.Contains("điều kiện", error.MessageVi, StringComparison.Ordinal);

        await h.ActAsync(instance, "review", "submitForReview", form);
        await h.ActAsync(instance, "extra-review", "agree", form);
        var done = (await h.ActAsync(instance, "approval", "approve", form)).Instance;
        Assert.True(done.Fields["registered"].GetBoolean());
        Assert.Contains(h.Store.Outbox, e => e.Webhook == "national-business-registry");
    }

    [Fact]
    public async Task Claim_ThenOnlyClaimantMayAct_AndLeaderCanReassign()
    {
        var h = new EngineHarness();
        var instance = await h.StartAsync("birth-registration");
        var task = instance.OpenTasks[0];
        var first = new WorkflowActor("rec-1", "Reception", "P-LVT", "MOTCUA");
        var second = new WorkflowActor("rec-2", "Reception", "P-LVT", "MOTCUA");
        var leader = new WorkflowActor("lead-1", "Leader", "P-LVT", "LANHDAO");

        await h.Engine.ClaimAsync(instance.Id, task.Id, first);
        Assert.True((await h.Engine.ListAvailableActionsAsync(instance.Id, first)).All(a => a.AssignedToActor));
        Assert.Empty(await h.Engine.ListAvailableActionsAsync(instance.Id, second));
        await Assert.ThrowsAsync<WorkflowConflictException>(() => h.Engine.ClaimAsync(instance.Id, task.Id, second));
        await Assert.ThrowsAsync<ActionNotAllowedException>(() => h.Engine.AssignAsync(instance.Id, task.Id, "rec-2", second));

        var reassigned = (await h.Engine.AssignAsync(instance.Id, task.Id, "rec-2", leader)).Instance;
        Assert.Equal("rec-2", reassigned.OpenTasks[0].AssignedTo);
        Assert.Contains(reassigned.Journal, e => e.Kind == JournalKind.TaskAssigned && e.Comment == "rec-1 → rec-2");
        Assert.Empty(await h.Engine.ListAvailableActionsAsync(instance.Id, first));
        await h.Engine.PerformAsync(new PerformActionRequest(instance.Id, task.Id, "accept", second));
    }

    [Fact]
    public async Task Claim_ByWrongDepartment_IsNotAllowed()
    {
        var h = new EngineHarness();
        var instance = await h.StartAsync("birth-registration");
        var outsider = new WorkflowActor("vh-1", "Specialist", "P-LVT", "VHXH");
        await Assert.ThrowsAsync<ActionNotAllowedException>(() => h.Engine.ClaimAsync(instance.Id, instance.OpenTasks[0].Id, outsider));
    }

    [Fact]
    public async Task Perform_MissingComment_IsRejectedWithVietnameseMessage()
    {
        var h = new EngineHarness();
        var instance = await h.StartAsync("birth-registration");
        var task = instance.OpenTasks[0];
        var error = await Assert.ThrowsAsync<ActionNotAllowedException>(() =>
            h.Engine.PerformAsync(new PerformActionRequest(instance.Id, task.Id, "reject", EngineHarness.OfficialFor(task)) { Comment = "  " }));
        Assert.Equal("workflow.action-not-allowed.comment-required", error.Code);
        Assert.Equal(1, (await h.Engine.GetAsync(instance.Id))!.Version);
    }

    [Fact]
    public async Task Perform_AfterEnd_IsNotAllowed_AndNoActionsListed()
    {
        var h = new EngineHarness();
        var instance = await h.StartAsync("birth-registration");
        var task = instance.OpenTasks[0];
        await h.ActAsync(instance, "reception", "reject");
        Assert.Empty(await h.Engine.ListAvailableActionsAsync(instance.Id, EngineHarness.OfficialFor(task)));
        var error = await Assert.ThrowsAsync<ActionNotAllowedException>(() =>
            h.Engine.PerformAsync(new PerformActionRequest(instance.Id, task.Id, "accept", EngineHarness.OfficialFor(task))));
        Assert.Equal("workflow.action-not-allowed.ended", error.Code);
    }

    [Fact]
    public async Task Comment_IsStoredNfcNormalised()
    {
        var h = new EngineHarness();
        var instance = await h.StartAsync("birth-registration");
        var task = instance.OpenTasks[0];
        var decomposed = "Thiếu giấy chứng sinh".Normalize(System.Text.NormalizationForm.FormD);
        var result = await h.Engine.PerformAsync(new PerformActionRequest(instance.Id, task.Id, "requestSupplement", EngineHarness.OfficialFor(task)) { Comment = decomposed });
        var entry = result.Instance.Journal.Single(e => e.Kind == JournalKind.ActionPerformed);
        Assert.Equal("Thiếu giấy chứng sinh".Normalize(System.Text.NormalizationForm.FormC), entry.Comment);
    }
}

using OneStop.Workflows.Definitions;
using OneStop.Workflows.Loading;
using OneStop.Workflows.Runtime;
using OneStop.Workflows.Runtime.State;
using OneStop.Workflows.Tests.Support;

namespace OneStop.Workflows.Tests.Runtime;

public class SampleWorkflowTests
{
    private static readonly Dictionary<string, object?> SmallIndividual = new() { ["capital"] = 500_000_000m, ["applicantType"] = "individual" };

    public static TheoryData<string> SampleIds()
    {
        var data = new TheoryData<string>();
        foreach (var file in RepoPaths.SampleFiles)
            data.Add(WorkflowLoader.LoadFile(file).Definition!.Id);
        return data;
    }

    [Theory]
    [MemberData(nameof(SampleIds))]
    public async Task EverySample_FirstActionEachTime_ReachesCompleted(string definitionId)
    {
        var h = new EngineHarness();
        var instance = await h.StartAsync(definitionId);
        for (var guard = 0; guard < 50 && instance.Status != InstanceStatus.Ended; guard++)
        {
            var task = instance.OpenTasks[0];
            var actor = EngineHarness.OfficialFor(task);
            var action = (await h.Engine.ListAvailableActionsAsync(instance.Id, actor, SmallIndividual))[0];
            instance = (await h.Engine.PerformAsync(new PerformActionRequest(instance.Id, task.Id, action.ActionId, actor)
            {
                Comment = "Đồng ý",
                Files = ["ket-qua.pdf"],
                FormData = SmallIndividual,
            })).Instance;
        }

        Assert.Equal(InstanceStatus.Ended, instance.Status);
        Assert.Equal(EndOutcome.Completed, instance.Outcome);
        Assert.Empty(instance.OpenTasks);
        Assert.Empty(instance.Timers);
        Assert.Contains(instance.Journal, e => e.Documents.Contains(DocumentKinds.Receipt));
        Assert.Equal(JournalKind.Ended, instance.Journal[^1].Kind);
    }

    [Fact]
    public async Task DrivingLicence_HappyPath_JournalsDocumentsAndDeadlines()
    {
        var h = new EngineHarness(new DateTimeOffset(2026, 2, 12, 9, 0, 0, TimeSpan.FromHours(7)));
        var start = await h.StartAsync("driving-licence-renewal", "GPLX-0001");

        // 5 working days from Thursday 12/02/2026 09:00 across Tết Bính Ngọ: 12, 13, 23, 24, 25/02 → 26/02 09:00.
        Assert.Equal(new DateTimeOffset(2026, 2, 26, 9, 0, 0, TimeSpan.FromHours(7)), start.TotalDueAt);
        var reception = Assert.Single(start.OpenTasks);
        Assert.Equal(("Reception", "MOTCUA", "SGTVT"), (reception.Role, reception.Department!, reception.Agency));
        Assert.Equal(new DateTimeOffset(2026, 2, 12, 15, 0, 0, TimeSpan.FromHours(7)), reception.DueAt); // 2.5h before lunch + 1.5h after

        await h.ActAsync(start, "reception", "accept");
        await h.ActAsync(start, "review", "submit");
        var done = await h.ActAsync(start, "approval", "approve");

        Assert.Equal(EndOutcome.Completed, done.Instance.Outcome);
        Assert.Contains(done.Effects, e => e.Kind == EffectKind.IssueDocument && e.DocumentKind == DocumentKinds.Result);
        Assert.Contains(done.Effects, e => e.Kind == EffectKind.CallWebhook && e.Webhook == "vnpost-delivery");
        var actions = done.Instance.Journal.Where(e => e.Kind == JournalKind.ActionPerformed).ToList();
        Assert.Equal(["reception", "review", "approval"], actions.Select(a => a.FromStep));
        Assert.Equal(["review", "approval", "issue-result"], actions.Select(a => a.ToStep));
        Assert.Equal("Ý kiến xử lý", actions[0].Comment);
        Assert.Equal(Enumerable.Range(1, done.Instance.Journal.Count).Select(i => (long)i), done.Instance.Journal.Select(e => e.Sequence));
        Assert.Equal(3, h.Store.Outbox.Count(e => e.Kind == EffectKind.IssueDocument || e.Kind == EffectKind.CallWebhook)); // receipt, result, webhook
    }

    [Fact]
    public async Task BirthRegistration_OtherCommuneOfficials_SeeNoActions()
    {
        var h = new EngineHarness();
        var instance = await h.StartAsync("birth-registration");
        var ownCounter = new WorkflowActor("u1", WorkflowRoles.Reception, "P-LVT", "MOTCUA");
        var otherCommune = new WorkflowActor("u2", WorkflowRoles.Reception, "P-DK", "MOTCUA");
        var specialist = new WorkflowActor("u3", WorkflowRoles.Specialist, "P-LVT", "VHXH");

        Assert.Equal(["accept", "requestSupplement", "reject"], (await h.Engine.ListAvailableActionsAsync(instance.Id, ownCounter)).Select(a => a.ActionId));
        Assert.Empty(await h.Engine.ListAvailableActionsAsync(instance.Id, otherCommune));
        Assert.Empty(await h.Engine.ListAvailableActionsAsync(instance.Id, specialist));
        Assert.Equal(h.Calendar.AddWorkingDays(h.Clock.Now, 1), instance.TotalDueAt);
    }
}

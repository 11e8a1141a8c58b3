using OneStop.Workflows.Runtime;
using OneStop.Workflows.Runtime.State;
using OneStop.Workflows.Tests.Support;

namespace OneStop.Workflows.Tests.Runtime;

public class SupplementAndParallelTests
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);

    [Fact]
    public async Task ConstructionPermit_Supplement_StopsClockThenRestartsIt()
    {
        var h = new EngineHarness(new DateTimeOffset(2026, 3, 2, 8, 0, 0, Vn));
        var instance = await h.StartAsync("construction-permit-house");
        Assert.Equal(h.Calendar.AddWorkingDays(h.Clock.Now, 15), instance.TotalDueAt);

        h.Clock.Advance(TimeSpan.FromHours(1));
        var waiting = (await h.ActAsync(instance, "reception", "requestSupplement")).Instance;
        Assert.Equal(InstanceStatus.WaitingForApplicant, waiting.Status);
        Assert.Null(waiting.TotalDueAt);
        Assert.DoesNotContain(waiting.Timers, t => t.Kind == TimerKind.TotalDeadline);
        var supplement = Assert.Single(waiting.OpenTasks);
        Assert.Equal(EngineHarness.Applicant.UserId, supplement.AssignedTo);

        h.Clock.Now = new DateTimeOffset(2026, 3, 10, 9, 0, 0, Vn);
        var resumed = (await h.ActAsync(waiting, "supplement", "resubmit")).Instance;
        Assert.Equal(InstanceStatus.Running, resumed.Status);
        Assert.Equal(h.Calendar.AddWorkingDays(h.Clock.Now, 15), resumed.TotalDueAt);
        Assert.Contains(resumed.Journal, e => e.Kind == JournalKind.ClockResumed && e.Comment == "restart");
        Assert.Equal("reception", Assert.Single(resumed.OpenTasks).StepId);
    }

    [Fact]
    public async Task CriminalRecord_Supplement_ResumesWithRemainingTime()
    {
        var h = new EngineHarness(new DateTimeOffset(2026, 3, 2, 8, 0, 0, Vn));
        var instance = await h.StartAsync("criminal-record-certificate");
        var originalDue = instance.TotalDueAt!.Value;

        h.Clock.Now = new DateTimeOffset(2026, 3, 3, 8, 0, 0, Vn); // one working day used
        await h.ActAsync(instance, "reception", "accept");
        var paused = (await h.ActAsync(instance, "review", "requestSupplement")).Instance;
        var remaining = paused.RemainingWorkingTime!.Value;
        Assert.Equal(h.Calendar.WorkingTimeBetween(h.Clock.Now, originalDue), remaining);

        h.Clock.Now = new DateTimeOffset(2026, 3, 9, 8, 0, 0, Vn);
        var resumed = (await h.ActAsync(paused, "supplement", "resubmit")).Instance;
        Assert.Equal(h.Calendar.AddWorkingTime(h.Clock.Now, remaining), resumed.TotalDueAt);
        Assert.True(resumed.TotalDueAt > originalDue);
    }

    [Fact]
    public async Task ConstructionPermit_ParallelConsultation_JoinsWhenBothAnswered()
    {
        var h = new EngineHarness();
        var instance = await h.StartAsync("construction-permit-house");
        await h.ActAsync(instance, "reception", "accept");
        var split = (await h.ActAsync(instance, "review", "consult")).Instance;

        Assert.Equal(["opinion-qhkt", "opinion-htkt"], split.OpenTasks.Select(t => t.StepId));
        Assert.All(split.OpenTasks, t => Assert.Equal("consultation", t.Split));

        var half = (await h.ActAsync(instance, "opinion-htkt", "object")).Instance;
        Assert.Equal("opinion-qhkt", Assert.Single(half.OpenTasks).StepId);
        Assert.Equal(["opinion-htkt"], half.JoinArrivals["consultation-join"]);

        var joined = (await h.ActAsync(instance, "opinion-qhkt", "agree")).Instance;
        Assert.Equal("summary", Assert.Single(joined.OpenTasks).StepId);
        Assert.Empty(joined.JoinArrivals);
    }

    [Fact]
    public async Task ConstructionPermit_RejectionDuringConsultation_NeedsLeaderAndEndsEverything()
    {
        var h = new EngineHarness();
        var instance = await h.StartAsync("construction-permit-house");
        await h.ActAsync(instance, "reception", "accept");
        await h.ActAsync(instance, "review", "reject");
        var ended = (await h.ActAsync(instance, "approval-reject", "reject")).Instance;
        Assert.Equal(Workflows.Definitions.EndOutcome.Rejected, ended.Outcome);
        Assert.Contains(ended.Journal, e => e.Documents.Contains("rejection"));
    }

    [Fact]
    public async Task CriminalRecord_InterAgencyStep_OnlyProvincialPoliceMayAct()
    {
        var h = new EngineHarness();
        var instance = await h.StartAsync("criminal-record-certificate");
        await h.ActAsync(instance, "reception", "accept");
        var atPolice = (await h.ActAsync(instance, "review", "sendToPolice")).Instance;
        var task = Assert.Single(atPolice.OpenTasks);
        Assert.Equal(("CA-TINH", "PV06", "Specialist"), (task.Agency, task.Department!, task.Role));

        var stpSpecialist = new WorkflowActor("stp-1", "Specialist", "STP", "HCTP");
        var police = new WorkflowActor("ca-1", "Specialist", "CA-TINH", "PV06");
        Assert.Empty(await h.Engine.ListAvailableActionsAsync(instance.Id, stpSpecialist));
        Assert.Equal(["reply", "askClarification"], (await h.Engine.ListAvailableActionsAsync(instance.Id, police)).Select(a => a.ActionId));

        var noFile = new PerformActionRequest(instance.Id, task.Id, "reply", police);
        var error = await Assert.ThrowsAsync<Workflows.Runtime.Errors.ActionNotAllowedException>(() => h.Engine.PerformAsync(noFile));
        Assert.Equal("workflow.action-not-allowed.file-required", error.Code);
        await Assert.ThrowsAsync<Workflows.Runtime.Errors.ActionNotAllowedException>(() => h.Engine.PerformAsync(noFile with { Actor = stpSpecialist, Files = ["x.pdf"] }));

        var back = (await h.Engine.PerformAsync(noFile with { Files = ["ket-qua-tra-cuu.pdf"] })).Instance;
        var approval = Assert.Single(back.OpenTasks);
        Assert.Equal(("STP", "LANHDAO", "Leader"), (approval.Agency, approval.Department!, approval.Role));
    }
}

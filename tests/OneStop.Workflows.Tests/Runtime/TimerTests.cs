using OneStop.Workflows.Loading;
using OneStop.Workflows.Runtime;
using OneStop.Workflows.Runtime.State;
using OneStop.Workflows.Tests.Support;

namespace OneStop.Workflows.Tests.Runtime;

public class TimerTests
{
    [Fact]
    public async Task TaskTimers_ReminderBeforeDue_EscalationAtDue()
    {
        var h = new EngineHarness(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.FromHours(7)));
        var instance = await h.StartAsync("construction-permit-house");
        var atReview = (await h.ActAsync(instance, "reception", "accept")).Instance;
        var task = Assert.Single(atReview.OpenTasks);
        var reminder = atReview.Timers.Single(t => t.Kind == TimerKind.Reminder);
        var escalation = atReview.Timers.Single(t => t.Kind == TimerKind.Escalation);

        Assert.Equal(h.Calendar.AddWorkingDays(h.Clock.Now, 4), task.DueAt);
        Assert.Equal(task.DueAt, escalation.DueAt);
        Assert.Equal(h.Calendar.WorkingDayLength, h.Calendar.WorkingTimeBetween(reminder.DueAt, escalation.DueAt));

        Assert.Empty((await h.Engine.ProcessTimerAsync(instance.Id, reminder.Id)).Effects); // not yet due: no-op
        h.Clock.Now = reminder.DueAt;
        Assert.Equal([reminder.Id], (await h.Store.ListDueTimersAsync(h.Clock.Now, 10)).Select(t => t.TimerId));
        var reminded = await h.Engine.ProcessTimerAsync(instance.Id, reminder.Id);
        Assert.Contains(reminded.Effects, e => e.Reason == "reminder" && e.RecipientDepartment == "QLXD");
        Assert.Empty((await h.Engine.ProcessTimerAsync(instance.Id, reminder.Id)).Effects); // fires once

        h.Clock.Now = escalation.DueAt.AddMinutes(1);
        var escalated = await h.Engine.ProcessTimerAsync(instance.Id, escalation.Id);
        Assert.True(escalated.Instance.IsOverdue);
        Assert.True(escalated.Instance.OpenTasks[0].IsOverdue);
        var notice = Assert.Single(escalated.Effects);
        Assert.Equal(("escalation", "Leader", "QLXD", "SXD"), (notice.Reason!, notice.RecipientRole!, notice.RecipientDepartment!, notice.RecipientAgency!));
        Assert.Contains(escalated.Instance.Journal, e => e.Kind == JournalKind.Escalated);
    }

    [Fact]
    public async Task EscalateAfter_MarksTheTaskOverdueAtItsDeadline_AndAlertsTheLeadersLater()
    {
        var h = new EngineHarness(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.FromHours(7)));
        var json = File.ReadAllText(Path.Combine(RepoPaths.Workflows, "birth-registration.json"))
            .Replace("\"version\": 1", "\"version\": 7", StringComparison.Ordinal)
            .Replace("\"duration\": \"3h\",", "\"duration\": \"3h\", \"escalateAfter\": \"1d\",", StringComparison.Ordinal);
        h.Registry.Publish(WorkflowLoader.LoadValid(json, DemoOrganisation.Catalog));
        var instance = await h.StartAsync("birth-registration");
        var atReview = (await h.ActAsync(instance, "reception", "accept")).Instance;
        var task = Assert.Single(atReview.OpenTasks);
        var overdue = atReview.Timers.Single(t => t.Kind == TimerKind.Overdue);
        var escalation = atReview.Timers.Single(t => t.Kind == TimerKind.Escalation);

        Assert.Equal(task.DueAt, overdue.DueAt);
        Assert.Equal(h.Calendar.AddWorkingDays(task.DueAt!.Value, 1), escalation.DueAt);

        h.Clock.Now = overdue.DueAt;
        var late = await h.Engine.ProcessTimerAsync(instance.Id, overdue.Id);
        Assert.True(late.Instance.OpenTasks[0].IsOverdue);
        Assert.Empty(late.Effects);
        Assert.DoesNotContain(late.Instance.Journal, e => e.Kind == JournalKind.Escalated);

        h.Clock.Now = escalation.DueAt;
        var escalated = await h.Engine.ProcessTimerAsync(instance.Id, escalation.Id);
        Assert.Contains(escalated.Effects, e => e.Reason == "escalation" && e.RecipientRole == "Leader");
        Assert.Contains(escalated.Instance.Journal, e => e.Kind == JournalKind.Escalated);
    }

    [Fact]
    public async Task ClosingTask_CancelsItsTimers()
    {
        var h = new EngineHarness();
        var instance = await h.StartAsync("construction-permit-house");
        var atReview = (await h.ActAsync(instance, "reception", "accept")).Instance;
        var reviewTimers = atReview.Timers.Where(t => t.TaskId == atReview.OpenTasks[0].Id).Select(t => t.Id).ToList();
        var next = (await h.ActAsync(instance, "review", "consult")).Instance;
        Assert.DoesNotContain(next.Timers, t => reviewTimers.Contains(t.Id));
        Assert.Equal(2, next.Timers.Count(t => t.Kind == TimerKind.Escalation));
    }

    [Fact]
    public async Task TotalDeadline_Missed_FlagsAndNotifiesLeaders()
    {
        var h = new EngineHarness();
        var instance = await h.StartAsync("birth-registration");
        var total = instance.Timers.Single(t => t.Kind == TimerKind.TotalDeadline);
        Assert.Equal(instance.TotalDueAt, total.DueAt);

        h.Clock.Now = total.DueAt;
        var result = await h.Engine.ProcessTimerAsync(instance.Id, total.Id);
        Assert.True(result.Instance.IsOverdue);
        Assert.Contains(result.Effects, e => e.Reason == "procedureOverdue" && e.RecipientRole == "Leader" && e.RecipientAgency == "P-LVT");
        Assert.Equal(JournalKind.TotalDeadlineMissed, result.Instance.Journal[^1].Kind);
    }

    [Fact]
    public async Task TotalDeadline_ComeButNotYetFired_IsMissedBeforeASupplementPausesTheClock()
    {
        var h = new EngineHarness(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.FromHours(7)));
        var instance = await h.StartAsync("construction-permit-house");
        var total = instance.Timers.Single(t => t.Kind == TimerKind.TotalDeadline);

        h.Clock.Now = total.DueAt.AddMinutes(1); // the timer processor has not polled yet
        var result = await h.ActAsync(instance, "reception", "requestSupplement");
        var paused = result.Instance;
        Assert.True(paused.IsOverdue);
        Assert.DoesNotContain(paused.Timers, t => t.Kind == TimerKind.TotalDeadline);
        var kinds = paused.Journal.Select(e => e.Kind).ToList();
        Assert.Single(kinds, k => k == JournalKind.TotalDeadlineMissed);
        Assert.True(kinds.IndexOf(JournalKind.TotalDeadlineMissed) < kinds.IndexOf(JournalKind.ClockPaused));
        Assert.Contains(result.Effects, e => e.Reason == "procedureOverdue" && e.RecipientRole == "Leader");
        Assert.Empty((await h.Engine.ProcessTimerAsync(instance.Id, total.Id)).Effects); // gone: it does not fire again
    }

    [Fact]
    public async Task TotalDeadline_MissedBeforeASupplement_IsNotMissedAgainWhenTheClockResumes()
    {
        var h = new EngineHarness(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.FromHours(7)));
        var instance = await h.StartAsync("criminal-record-certificate");
        var total = instance.Timers.Single(t => t.Kind == TimerKind.TotalDeadline);
        await h.ActAsync(instance, "reception", "accept");

        h.Clock.Now = total.DueAt.AddMinutes(1);
        Assert.Contains((await h.Engine.ProcessTimerAsync(instance.Id, total.Id)).Effects, e => e.Reason == "procedureOverdue");
        var paused = (await h.ActAsync(instance, "review", "requestSupplement")).Instance;
        Assert.Equal(TimeSpan.Zero, paused.RemainingWorkingTime);

        h.Clock.Now = h.Calendar.AddWorkingDays(h.Clock.Now, 3);
        var resumed = await h.ActAsync(paused, "supplement", "resubmit");
        Assert.True(resumed.Instance.IsOverdue);
        Assert.Equal(h.Calendar.CountingStart(h.Clock.Now), resumed.Instance.TotalDueAt);
        Assert.DoesNotContain(resumed.Instance.Timers, t => t.Kind == TimerKind.TotalDeadline);
        Assert.DoesNotContain(resumed.Effects, e => e.Reason == "procedureOverdue");

        // Whatever comes due later, the leaders are not told a second time that the procedure's deadline was missed.
        h.Clock.Now = h.Calendar.AddWorkingDays(h.Clock.Now, 30);
        foreach (var due in await h.Store.ListDueTimersAsync(h.Clock.Now, 100))
        {
            Assert.DoesNotContain((await h.Engine.ProcessTimerAsync(due.InstanceId, due.TimerId)).Effects, e => e.Reason == "procedureOverdue");
        }

        var journal = (await h.Store.LoadAsync(instance.Id))!.Journal;
        Assert.Single(journal, e => e.Kind == JournalKind.TotalDeadlineMissed);
    }

    [Fact]
    public async Task EndedInstance_HasNoTimers()
    {
        var h = new EngineHarness();
        var instance = await h.StartAsync("birth-registration");
        var ended = (await h.ActAsync(instance, "reception", "reject")).Instance;
        Assert.Empty(ended.Timers);
        h.Clock.Advance(TimeSpan.FromDays(30));
        Assert.Empty(await h.Store.ListDueTimersAsync(h.Clock.Now, 10));
    }
}

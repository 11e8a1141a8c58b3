using OneStop.Workflows.Definitions;
using OneStop.Workflows.Runtime.State;

namespace OneStop.Workflows.Runtime.Engine;

/// <summary>Step deadlines, reminders and the procedure clock that stops while the applicant supplements.</summary>
internal static class SlaClock
{
    // The clock-resumed journal entry's comment when the procedure's time started again from the beginning.
    private const string Restarted = "restart";

    public static void StartTotal(Transition t)
    {
        if (!WorkflowDuration.TryParse(t.Definition.TotalDuration, out var total))
            return;
        SetTotalDue(t, t.Calendar.Add(t.Now, total));
    }

    public static void Pause(Transition t)
    {
        var i = t.Instance;
        if (i.ClockPausedAt is not null)
            return;
        // A procedure deadline that has already come is missed even when its timer has not fired yet (the processor polls): it fires
        // now, before the pause would take it away unseen.
        if (i.TimerList.Find(x => x.Kind == TimerKind.TotalDeadline && x.DueAt <= t.Now) is { } missed)
            TimerRunner.Fire(t, missed.Id);
        i.ClockPausedAt = t.Now;
        i.RemainingWorkingTime = i.TotalDueAt is { } due ? t.Calendar.WorkingTimeBetween(t.Now, due) : null;
        i.TotalDueAt = null;
        i.TimerList.RemoveAll(x => x.Kind == TimerKind.TotalDeadline);
        t.Journal(new JournalEntry { Kind = JournalKind.ClockPaused });
    }

    public static void Resume(Transition t, ClockMode mode)
    {
        var i = t.Instance;
        if (i.ClockPausedAt is null)
            return;
        var hadDeadline = WorkflowDuration.TryParse(t.Definition.TotalDuration, out var total);
        i.ClockPausedAt = null;
        if (mode == ClockMode.Restart && hadDeadline)
            SetTotalDue(t, t.Calendar.Add(t.Now, total));
        else if (i.RemainingWorkingTime is { } remaining)
        {
            var due = t.Calendar.AddWorkingTime(t.Calendar.CountingStart(t.Now), remaining);
            // A deadline missed before the clock stopped (Pause fires one that has come) was reported then: nothing was left of it, and
            // a timer at the resumed due date would report the same missed deadline a second time.
            if (Missed(i))
                i.TotalDueAt = due;
            else
                SetTotalDue(t, due);
        }
        i.RemainingWorkingTime = null;
        t.Journal(new JournalEntry { Kind = JournalKind.ClockResumed, Comment = mode == ClockMode.Restart ? Restarted : "resume" });
    }

    public static void ScheduleTask(Transition t, WorkflowTask task, StepDefinition step)
    {
        if (!WorkflowDuration.TryParse(step.Duration, out var duration))
            return;
        var due = t.Calendar.Add(t.Now, duration);
        task.DueAt = due;
        if (step.Kind != StepKind.Task)
            return;
        var escalateAt = WorkflowDuration.TryParse(step.EscalateAfter, out var late) ? t.Calendar.Add(due, late) : due;
        if (escalateAt > due)
            t.Instance.TimerList.Add(new WorkflowTimer(Guid.NewGuid(), TimerKind.Overdue, due, task.Id));
        t.Instance.TimerList.Add(new WorkflowTimer(Guid.NewGuid(), TimerKind.Escalation, escalateAt, task.Id));
        if (!WorkflowDuration.TryParse(step.ReminderBefore, out var before))
            return;
        var lead = before.Unit == DurationUnit.WorkingDays ? t.Calendar.WorkingDayLength * before.Amount : TimeSpan.FromHours(before.Amount);
        var available = t.Calendar.WorkingTimeBetween(t.Now, due);
        if (available > lead)
            t.Instance.TimerList.Add(new WorkflowTimer(Guid.NewGuid(), TimerKind.Reminder, t.Calendar.AddWorkingTime(t.Now, available - lead), task.Id));
    }

    // Whether the deadline running since the start, or since the clock last restarted, has been reported missed.
    private static bool Missed(WorkflowInstance i)
    {
        for (var k = i.JournalList.Count - 1; k >= 0; k--)
        {
            var entry = i.JournalList[k];
            if (entry.Kind == JournalKind.TotalDeadlineMissed)
                return true;
            if (entry.Kind == JournalKind.ClockResumed && entry.Comment == Restarted)
                return false;
        }

        return false;
    }

    private static void SetTotalDue(Transition t, DateTimeOffset due)
    {
        t.Instance.TotalDueAt = due;
        t.Instance.TimerList.RemoveAll(x => x.Kind == TimerKind.TotalDeadline);
        t.Instance.TimerList.Add(new WorkflowTimer(Guid.NewGuid(), TimerKind.TotalDeadline, due, null));
    }
}

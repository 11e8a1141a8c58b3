using OneStop.Workflows.Definitions;
using OneStop.Workflows.Runtime.State;

namespace OneStop.Workflows.Runtime.Engine;

/// <summary>Fires reminders, escalations and the procedure deadline.</summary>
internal static class TimerRunner
{
    /// <summary>Returns false when the timer is gone or not yet due.</summary>
    public static bool Fire(Transition t, Guid timerId)
    {
        var i = t.Instance;
        var timer = i.TimerList.Find(x => x.Id == timerId);
        if (timer is null || timer.DueAt > t.Now)
            return false;
        i.TimerList.Remove(timer);
        var task = timer.TaskId is { } id ? i.FindTask(id) : null;
        switch (timer.Kind)
        {
            case TimerKind.Reminder when task is not null:
                t.Journal(new JournalEntry { Kind = JournalKind.ReminderSent, TaskId = task.Id, FromStep = task.StepId });
                t.Emit(Notify(t, task, EffectReasons.Reminder) with { RecipientUserId = task.AssignedTo });
                break;
            case TimerKind.Overdue when task is not null:
                task.IsOverdue = true;
                i.IsOverdue = true;
                break;
            case TimerKind.Escalation when task is not null:
                task.IsOverdue = true;
                i.IsOverdue = true;
                t.Journal(new JournalEntry { Kind = JournalKind.Escalated, TaskId = task.Id, FromStep = task.StepId });
                t.Emit(Notify(t, task, EffectReasons.Escalation) with { RecipientRole = WorkflowRoles.Leader });
                break;
            case TimerKind.TotalDeadline:
                i.IsOverdue = true;
                t.Journal(new JournalEntry { Kind = JournalKind.TotalDeadlineMissed });
                t.Emit(t.Effect(EffectKind.Notify) with
                {
                    Reason = EffectReasons.ProcedureOverdue, RecipientRole = WorkflowRoles.Leader, RecipientAgency = i.ReceivingAgency,
                    Message = "Hồ sơ đã quá hạn giải quyết; cần lập phiếu xin lỗi và hẹn lại.",
                });
                break;
        }

        return true;
    }

    private static WorkflowEffect Notify(Transition t, WorkflowTask task, string reason) => t.Effect(EffectKind.Notify) with
    {
        Reason = reason,
        TaskId = task.Id,
        RecipientRole = task.Role,
        RecipientAgency = task.Agency,
        RecipientDepartment = task.Department,
        Message = t.Definition.FindStep(task.StepId)?.Name,
    };
}

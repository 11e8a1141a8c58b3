using OneStop.Workflows.Definitions;
using OneStop.Workflows.Runtime.Errors;
using OneStop.Workflows.Runtime.State;

namespace OneStop.Workflows.Runtime.Engine;

/// <summary>The applicant withdraws the dossier before it is decided: every open task closes and the instance ends as withdrawn.</summary>
internal static class Withdrawal
{
    public const string ActionId = "withdraw";

    public static void Withdraw(Transition t, WorkflowActor actor, string reason)
    {
        var i = t.Instance;
        if (actor.Role != WorkflowRoles.Citizen || !string.Equals(actor.UserId, i.ApplicantId, StringComparison.Ordinal))
        {
            throw new ActionNotAllowedException("not-applicant", "Only the applicant may withdraw the dossier.", "Chỉ người nộp hồ sơ mới được rút hồ sơ.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ActionNotAllowedException("comment-required", "A reason is required to withdraw.", "Vui lòng nêu lý do rút hồ sơ.");
        }

        var from = i.OpenTasks.FirstOrDefault()?.StepId;
        t.Journal(new JournalEntry
        {
            Kind = JournalKind.ActionPerformed,
            ActorId = actor.UserId,
            ActorRole = actor.Role,
            ActorAddress = actor.Address,
            FromStep = from,
            ActionId = ActionId,
            ActionLabel = "Rút hồ sơ",
            Comment = reason.Trim().Normalize(System.Text.NormalizationForm.FormC),
        });
        var end = t.Definition.Steps.FirstOrDefault(s => s.Kind == StepKind.End && s.Outcome == EndOutcome.Withdrawn);
        if (end is not null)
        {
            StepRunner.Enter(t, end.Id, from, null, null);
            return;
        }

        foreach (var task in i.OpenTasks.ToList())
        {
            StepRunner.CloseTask(t, task);
            t.Journal(new JournalEntry { Kind = JournalKind.TaskCancelled, TaskId = task.Id, FromStep = task.StepId, Comment = ActionId });
        }

        i.TimerList.Clear();
        i.ArrivalMap.Clear();
        i.Status = InstanceStatus.Ended;
        i.Outcome = EndOutcome.Withdrawn;
        i.EndedAt = t.Now;
        i.ClockPausedAt = null;
        i.RemainingWorkingTime = null;
        t.Journal(new JournalEntry { Kind = JournalKind.Ended, Comment = EndOutcome.Withdrawn.ToString() });
    }
}

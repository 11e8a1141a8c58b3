using OneStop.Workflows.Definitions;
using OneStop.Workflows.Runtime.Errors;
using OneStop.Workflows.Runtime.State;

namespace OneStop.Workflows.Runtime.Engine;

/// <summary>The applicant withdraws the dossier before it is decided: every open task closes and the instance ends as withdrawn.</summary>
internal static class Withdrawal
{
    public const string ActionId = "withdraw";

    private const string Label = "Rút hồ sơ";

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
            ActionLabel = Label,
            Comment = reason.Trim().Normalize(System.Text.NormalizationForm.FormC),
        });
        var end = t.Definition.Steps.FirstOrDefault(s => s.Kind == StepKind.End && s.Outcome == EndOutcome.Withdrawn);
        if (end is not null)
        {
            StepRunner.Enter(t, end.Id, from, null, null);
            return;
        }

        // No withdrawn end step in the definition: the same ending, without a step to record.
        StepRunner.Finish(t, EndOutcome.Withdrawn, null, Label, ActionId);
    }
}

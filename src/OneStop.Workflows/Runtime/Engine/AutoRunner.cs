using OneStop.Workflows.Definitions;
using OneStop.Workflows.Runtime.State;

namespace OneStop.Workflows.Runtime.Engine;

/// <summary>Carries out an automatic step's operations as journaled effects.</summary>
internal static class AutoRunner
{
    public static void Run(Transition t, StepDefinition step)
    {
        var documents = new List<string>();
        foreach (var op in step.Do)
        {
            if (op.Issue is not null)
            {
                documents.Add(op.Issue);
                t.Emit(t.Effect(EffectKind.IssueDocument) with { DocumentKind = op.Issue, Reason = step.Id });
            }
            else if (op.Notify is not null)
            {
                t.Emit(t.Effect(EffectKind.Notify) with
                {
                    Reason = step.Id,
                    RecipientUserId = op.Notify == "applicant" ? t.Instance.ApplicantId : null,
                    RecipientRole = op.Notify == "applicant" ? WorkflowRoles.Citizen : op.Notify,
                    RecipientAgency = t.Instance.ReceivingAgency,
                    Message = op.Message,
                });
            }
            else if (op.Set is not null && op.Value is { } value)
            {
                t.Instance.FieldMap[op.Set] = value.Clone();
                t.Emit(t.Effect(EffectKind.FieldSet) with { Field = op.Set, Value = value.Clone(), Reason = step.Id });
            }
            else if (op.Webhook is not null)
            {
                t.Emit(t.Effect(EffectKind.CallWebhook) with { Webhook = op.Webhook, Reason = step.Id });
            }
        }

        t.Journal(new JournalEntry { Kind = JournalKind.AutoStep, FromStep = step.Id, ToStep = step.Next, Documents = documents });
    }
}

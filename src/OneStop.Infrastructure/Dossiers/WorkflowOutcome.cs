using OneStop.Core.Dossiers;
using OneStop.Workflows.Definitions;
using OneStop.Workflows.Runtime.State;

namespace OneStop.Infrastructure.Dossiers;

/// <summary>
/// The one place where what the workflow engine decided becomes the dossier's state, through the dossier's named transitions
/// (which refuse an illegal one). A single engine change may take several steps at once (an automatic step issuing the receipt,
/// the end), so the transitions are applied in the order they happened.
/// </summary>
public static class WorkflowOutcome
{
    public static void ApplyTo(Dossier dossier, WorkflowInstance instance, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(instance);
        if (dossier.IsClosed || dossier.Status == DossierStatus.Draft)
        {
            return;
        }

        var at = instance.Journal.Count > 0 ? instance.Journal[^1].At : now;
        if (dossier.Status == DossierStatus.WaitingForSupplement && instance.Status == InstanceStatus.Running)
        {
            dossier.SupplementReceived();
        }

        if (dossier.ReceivedAt is null && instance.Journal.FirstOrDefault(j => j.Documents.Contains(DocumentKinds.Receipt)) is { } accepted)
        {
            dossier.Receive(accepted.At, instance.TotalDueAt ?? accepted.At);
        }
        else if (dossier.ReceivedAt is not null && instance.TotalDueAt is { } due && due != dossier.DueAt && instance.Status == InstanceStatus.Running)
        {
            dossier.Reschedule(due);
        }

        switch (instance.Status)
        {
            case InstanceStatus.Ended when instance.Outcome == EndOutcome.Rejected:
                dossier.Reject(at);
                break;
            case InstanceStatus.Ended when instance.Outcome == EndOutcome.Withdrawn:
                dossier.Withdraw(at);
                break;
            case InstanceStatus.Ended:
                // Completed, and also cancelled or transferred to another authority: nothing more happens here.
                dossier.Complete(at);
                break;
            case InstanceStatus.WaitingForApplicant when dossier.Status != DossierStatus.WaitingForSupplement:
                dossier.AskForSupplement();
                break;
        }
    }
}

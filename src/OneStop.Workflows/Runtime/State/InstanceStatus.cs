namespace OneStop.Workflows.Runtime.State;

/// <summary>Where a workflow instance stands.</summary>
public enum InstanceStatus
{
    Running,
    WaitingForApplicant,
    Ended,
}

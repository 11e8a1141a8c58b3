namespace OneStop.Workflows.Runtime.State;

/// <summary>What a journal entry records.</summary>
public enum JournalKind
{
    Started,
    StepEntered,
    ActionPerformed,
    TaskClaimed,
    TaskAssigned,
    TaskCancelled,
    BranchJoined,
    AutoStep,
    ClockPaused,
    ClockResumed,
    ReminderSent,
    Escalated,
    TotalDeadlineMissed,
    Migrated,
    Ended,
}

namespace OneStop.Workflows.Runtime.State;

/// <summary>What a timer does when it fires.</summary>
public enum TimerKind
{
    Reminder,
    Escalation,
    TotalDeadline,

    /// <summary>A task's deadline passed; its leaders are alerted later, by the escalation timer (the step's escalateAfter).</summary>
    Overdue,
}

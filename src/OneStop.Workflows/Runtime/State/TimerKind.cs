namespace OneStop.Workflows.Runtime.State;

/// <summary>What a timer does when it fires.</summary>
public enum TimerKind
{
    Reminder,
    Escalation,
    TotalDeadline,
}

namespace OneStop.Workflows.Runtime.State;

/// <summary>A pending timer the runtime produced; a background service fires it once when due.</summary>
public sealed record WorkflowTimer(Guid Id, TimerKind Kind, DateTimeOffset DueAt, Guid? TaskId);

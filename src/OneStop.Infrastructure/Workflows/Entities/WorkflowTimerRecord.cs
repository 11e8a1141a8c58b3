namespace OneStop.Infrastructure.Workflows.Entities;

/// <summary>A pending timer; the timer service locks due rows with FOR UPDATE SKIP LOCKED so each fires once.</summary>
public sealed class WorkflowTimerRecord
{
    public required Guid Id { get; init; }
    public required Guid InstanceId { get; init; }
    public required string Kind { get; init; }
    public required DateTimeOffset DueAt { get; init; }
    public Guid? TaskId { get; init; }
}

namespace OneStop.Infrastructure.Workflows.Entities;

/// <summary>An open task, projected from the instance state so inboxes are indexed queries.</summary>
public sealed class WorkflowTaskRecord
{
    public required Guid Id { get; init; }
    public required Guid InstanceId { get; init; }
    public required string DossierId { get; init; }
    public required string StepId { get; init; }
    public required string Role { get; init; }
    public required string Agency { get; init; }
    public string? Department { get; init; }
    public string? AssignedTo { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? DueAt { get; init; }
    public bool IsOverdue { get; init; }
}

namespace OneStop.Infrastructure.Officials;

/// <summary>
/// An open task whose assignee was deactivated or moved: it waits for a leader of the agency to give it to a colleague. The flag
/// is settled when the task is no longer assigned to that person (reassigned or done).
/// </summary>
public sealed class TaskReassignment
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public required Guid TaskId { get; init; }

    public required Guid InstanceId { get; init; }

    public required string DossierId { get; init; }

    public required string StepId { get; init; }

    public required string Role { get; init; }

    public required string Agency { get; init; }

    public string? Department { get; init; }

    /// <summary>The user id the task is still assigned to.</summary>
    public required string FormerAssignee { get; init; }

    public required string FormerAssigneeName { get; init; }

    /// <summary>Why: deactivated or moved.</summary>
    public required string Reason { get; init; }

    public required DateTimeOffset FlaggedAt { get; init; }

    public string? FlaggedBy { get; init; }
}

namespace OneStop.Workflows.Runtime;

/// <summary>An action a given user may take now on an open task.</summary>
public sealed record AvailableAction(
    Guid TaskId,
    string StepId,
    string StepName,
    string ActionId,
    string Label,
    bool RequiresComment,
    bool RequiresFile,
    IReadOnlyList<string> Issues,
    bool AssignedToActor)
{
    /// <summary>The departments the official may choose for the next step (the first is the definition's own), or empty.</summary>
    public IReadOnlyList<string> DepartmentChoices { get; init; } = [];
}

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
    bool AssignedToActor);

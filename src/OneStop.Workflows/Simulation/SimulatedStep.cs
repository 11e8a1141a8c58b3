namespace OneStop.Workflows.Simulation;

/// <summary>One task of the walk: when it opened, when it was due, and which action was taken (at its due date).</summary>
public sealed record SimulatedStep(
    string StepId,
    string StepName,
    string Assignee,
    DateTimeOffset OpenedAt,
    DateTimeOffset? DueAt,
    DateTimeOffset ActedAt,
    string ActionId,
    string ActionLabel,
    string? Target,
    string? Branch);

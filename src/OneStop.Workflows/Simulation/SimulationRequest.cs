using OneStop.Workflows.Definitions;

namespace OneStop.Workflows.Simulation;

/// <summary>What to simulate: a draft definition, when the sample dossier arrives, its condition inputs and the action chosen at each step.</summary>
public sealed record SimulationRequest(WorkflowDefinition Definition, DateTimeOffset Start, string ReceivingAgency)
{
    /// <summary>Sample values for the definition's inputs (read by action conditions).</summary>
    public IReadOnlyDictionary<string, object?> Inputs { get; init; } = new Dictionary<string, object?>();

    /// <summary>Step id → the action to take there; a step without a choice takes its first available action.</summary>
    public IReadOnlyDictionary<string, string> Choices { get; init; } = new Dictionary<string, string>();

    /// <summary>The procedure's legal deadline in working days, when known.</summary>
    public int? LegalDays { get; init; }

    /// <summary>How often one step may be visited before the walk is stopped as a loop.</summary>
    public int MaxVisitsPerStep { get; init; } = 3;
}

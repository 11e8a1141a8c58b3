using System.Text.Json.Serialization;

namespace OneStop.Workflows.Definitions;

/// <summary>An immutable-by-convention workflow definition identified by (id, version).</summary>
public sealed class WorkflowDefinition
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; set; }

    public string Id { get; set; } = "";

    public int Version { get; set; }

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public List<string> Procedures { get; set; } = [];

    public Dictionary<string, InputType> Inputs { get; set; } = [];

    public string? TotalDuration { get; set; }

    public string? Start { get; set; }

    public List<StepDefinition> Steps { get; set; } = [];

    /// <summary>The id of the first step: <see cref="Start"/> or else the first listed step.</summary>
    [JsonIgnore]
    public string StartStepId => Start ?? (Steps.Count > 0 ? Steps[0].Id : "");

    /// <summary>Finds a step by id, or null.</summary>
    public StepDefinition? FindStep(string? id) =>
        id is null ? null : Steps.Find(s => string.Equals(s.Id, id, StringComparison.Ordinal));

    /// <summary>Finds a step by id or throws.</summary>
    public StepDefinition GetStep(string id) =>
        FindStep(id) ?? throw new KeyNotFoundException($"Step '{id}' is not in workflow '{Id}' v{Version}.");
}

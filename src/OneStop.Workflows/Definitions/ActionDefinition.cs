namespace OneStop.Workflows.Definitions;

/// <summary>A transition a person may take from a task or supplement step.</summary>
public sealed class ActionDefinition
{
    public string Id { get; set; } = "";

    public string Label { get; set; } = "";

    public string? Target { get; set; }

    public string? Condition { get; set; }

    public bool RequiresComment { get; set; }

    public bool RequiresFile { get; set; }

    public List<string> Issues { get; set; } = [];

    /// <summary>
    /// Departments (of the target step's agency) among which the official chooses the one that handles the target step; empty when
    /// the definition decides alone. Without a choice the target step's own department applies.
    /// </summary>
    public List<string> ChooseDepartment { get; set; } = [];
}

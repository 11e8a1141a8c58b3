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
}

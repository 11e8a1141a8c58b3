namespace OneStop.Workflows.Definitions;

/// <summary>Who must act on a task: a role in a department, of the receiving agency unless an agency is named.</summary>
public sealed class AssigneeDefinition
{
    public string Role { get; set; } = "";

    public string Department { get; set; } = "";

    public string? Agency { get; set; }
}

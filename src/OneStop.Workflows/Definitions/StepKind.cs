namespace OneStop.Workflows.Definitions;

/// <summary>The kind of a workflow step.</summary>
public enum StepKind
{
    Task,
    Supplement,
    Parallel,
    Join,
    Auto,
    End,
}

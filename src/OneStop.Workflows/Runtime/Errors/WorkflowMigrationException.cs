namespace OneStop.Workflows.Runtime.Errors;

/// <summary>An instance cannot be moved to the requested version with the given step mapping.</summary>
public sealed class WorkflowMigrationException : WorkflowException
{
    public WorkflowMigrationException(string message, string messageVi)
        : base("workflow.migration", message, messageVi)
    {
    }
}

namespace OneStop.Workflows.Runtime.Errors;

/// <summary>An instance or definition does not exist.</summary>
public sealed class WorkflowNotFoundException : WorkflowException
{
    public WorkflowNotFoundException(string message, string messageVi)
        : base("workflow.not-found", message, messageVi)
    {
    }
}

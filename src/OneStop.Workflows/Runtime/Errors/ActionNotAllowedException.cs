namespace OneStop.Workflows.Runtime.Errors;

/// <summary>The user may not take this action now (wrong role or unit, condition false, missing comment or file, ended).</summary>
public sealed class ActionNotAllowedException : WorkflowException
{
    public ActionNotAllowedException(string reason, string message, string messageVi)
        : base("workflow.action-not-allowed." + reason, message, messageVi)
    {
    }
}

namespace OneStop.Workflows.Runtime.Errors;

/// <summary>Base of workflow domain errors: a stable code, an English message and a Vietnamese message.</summary>
public abstract class WorkflowException : Exception
{
    protected WorkflowException(string code, string message, string messageVi)
        : base(message)
    {
        Code = code;
        MessageVi = messageVi;
    }

    /// <summary>A stable error code, e.g. "workflow.conflict".</summary>
    public string Code { get; }

    /// <summary>The message shown to people, in Vietnamese.</summary>
    public string MessageVi { get; }
}

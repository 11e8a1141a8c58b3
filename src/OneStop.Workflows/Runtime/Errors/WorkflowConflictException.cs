namespace OneStop.Workflows.Runtime.Errors;

/// <summary>Someone else changed the instance first (stale version, or the task is no longer open); reload and retry.</summary>
public sealed class WorkflowConflictException : WorkflowException
{
    public WorkflowConflictException(string message, string messageVi)
        : base("workflow.conflict", message, messageVi)
    {
    }

    /// <summary>The standard stale-version conflict.</summary>
    public static WorkflowConflictException StaleVersion(Guid instanceId) => new(
        $"Workflow instance {instanceId} was changed by someone else.",
        "Hồ sơ vừa được người khác xử lý. Vui lòng tải lại trang và thử lại.");
}

using OneStop.Core.Common;

namespace OneStop.Application.Workspace;

/// <summary>The refusals the workspace's task use cases share, one wording each.</summary>
internal static class TaskErrors
{
    /// <summary>The task was closed (acted on, or the dossier moved on) since the official's page was drawn.</summary>
    public static ConflictException Closed() => new("task.closed", "Công việc này không còn mở. Vui lòng tải lại.");
}

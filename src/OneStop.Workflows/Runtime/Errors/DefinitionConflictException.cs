namespace OneStop.Workflows.Runtime.Errors;

/// <summary>A different definition was published under an existing (id, version); versions are immutable.</summary>
public sealed class DefinitionConflictException : WorkflowException
{
    public DefinitionConflictException(string id, int version)
        : base("workflow.definition-immutable",
            $"Workflow '{id}' version {version} is already published with different content; publish a new version.",
            $"Quy trình '{id}' phiên bản {version} đã được ban hành với nội dung khác; hãy tạo phiên bản mới.")
    {
    }
}

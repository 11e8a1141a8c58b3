using OneStop.Workflows.Definitions;
using OneStop.Workflows.Validation;

namespace OneStop.Workflows.Loading;

/// <summary>The outcome of loading a definition: the definition when it could be read, and every problem found.</summary>
public sealed record WorkflowLoadResult(WorkflowDefinition? Definition, IReadOnlyList<WorkflowProblem> Problems)
{
    /// <summary>True when the definition was read and has no problems.</summary>
    public bool IsValid => Definition is not null && Problems.Count == 0;
}

using OneStop.Workflows.Definitions;
using OneStop.Workflows.Validation;

namespace OneStop.Web.Features.Admin.Workflows;

/// <summary>What the engine's validator says of a definition's JSON, with its diagram when it could be read.</summary>
public sealed record WorkflowCheck(WorkflowDefinition? Definition, IReadOnlyList<WorkflowProblem> Problems, string? Mermaid)
{
    public bool IsValid => Definition is not null && Problems.Count == 0;
}

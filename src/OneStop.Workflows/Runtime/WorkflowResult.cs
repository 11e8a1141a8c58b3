using OneStop.Workflows.Runtime.State;

namespace OneStop.Workflows.Runtime;

/// <summary>The saved instance after an operation, and the side effects it produced.</summary>
public sealed record WorkflowResult(WorkflowInstance Instance, IReadOnlyList<WorkflowEffect> Effects);

namespace OneStop.Workflows.Runtime;

/// <summary>The person acting: user id, role, and for officials their agency and department codes.</summary>
public sealed record WorkflowActor(string UserId, string Role, string? Agency = null, string? Department = null);

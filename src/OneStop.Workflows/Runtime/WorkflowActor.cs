namespace OneStop.Workflows.Runtime;

/// <summary>
/// The person acting: user id, role, for officials their agency and department codes, and where the request came from (the client's
/// IP address), which the journal records with who and when.
/// </summary>
public sealed record WorkflowActor(string UserId, string Role, string? Agency = null, string? Department = null, string? Address = null);

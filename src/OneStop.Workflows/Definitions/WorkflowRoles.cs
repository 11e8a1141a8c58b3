namespace OneStop.Workflows.Definitions;

/// <summary>The roles a step may be assigned to.</summary>
public static class WorkflowRoles
{
    public const string Citizen = "Citizen";
    public const string Reception = "Reception";
    public const string Specialist = "Specialist";
    public const string Leader = "Leader";
    public const string Admin = "Admin";

    /// <summary>Every known role.</summary>
    public static IReadOnlySet<string> All { get; } =
        new HashSet<string>(StringComparer.Ordinal) { Citizen, Reception, Specialist, Leader, Admin };
}

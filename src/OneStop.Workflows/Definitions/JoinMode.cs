namespace OneStop.Workflows.Definitions;

/// <summary>When a parallel split continues: after all branches or after the first one.</summary>
public enum JoinMode
{
    All,
    Any,
}

namespace OneStop.Workflows.Definitions;

/// <summary>The unit of a workflow duration.</summary>
public enum DurationUnit
{
    WorkingDays,
    WorkingHours,
}

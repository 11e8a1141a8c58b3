namespace OneStop.Workflows.Calendar;

/// <summary>A span of working time within a day, e.g. 07:30–11:30.</summary>
public sealed record WorkingPeriod(TimeOnly Start, TimeOnly End)
{
    /// <summary>The length of the period.</summary>
    public TimeSpan Length => End - Start;
}

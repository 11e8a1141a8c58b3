namespace OneStop.Workflows.Calendar;

/// <summary>A year's officially announced days off and compensating working days; replaces the computed defaults for that year.</summary>
public sealed class OfficialHolidayYear
{
    public int Year { get; set; }

    /// <summary>Every day off in the year (weekends inside a holiday span may be listed; they change nothing).</summary>
    public List<DateOnly> DaysOff { get; set; } = [];

    /// <summary>Saturdays or Sundays declared working days in exchange for a day off.</summary>
    public List<DateOnly> WorkingDays { get; set; } = [];
}

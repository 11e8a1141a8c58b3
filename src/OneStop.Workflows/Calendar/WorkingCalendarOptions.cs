namespace OneStop.Workflows.Calendar;

/// <summary>Options for the working-day calendar (Vietnam local time, UTC+7).</summary>
public sealed class WorkingCalendarOptions
{
    /// <summary>Working periods of a working day, in order.</summary>
    public List<WorkingPeriod> WorkingPeriods { get; set; } =
    [
        new(new TimeOnly(7, 30), new TimeOnly(11, 30)),
        new(new TimeOnly(13, 30), new TimeOnly(17, 0)),
    ];

    /// <summary>A dossier received at or after this time counts from the next working day.</summary>
    public TimeOnly AfternoonCutOff { get; set; } = new(15, 0);

    /// <summary>The day in September taken beside National Day 2/9 when no official list exists (1 or 3).</summary>
    public int NationalDayCompanion { get; set; } = 1;

    /// <summary>Official per-year lists; a year listed here does not use the computed defaults.</summary>
    public List<OfficialHolidayYear> OfficialYears { get; set; } = [.. KnownOfficialYears.All];
}

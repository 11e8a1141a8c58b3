using Microsoft.Extensions.Options;
using OneStop.Workflows.Calendar;

namespace OneStop.Infrastructure.Settings;

/// <summary>
/// The working-day calendar as the database says: working hours and cut-off from the calendar settings, each year's days off
/// from calendar_years (reviewed by an administrator), falling back to the configured lists and the computed defaults.
/// </summary>
public sealed class CalendarSource(SettingsCache settings, IOptions<WorkingCalendarOptions> configured)
{
    private (SettingsCache.Snapshot Snapshot, WorkingCalendar Calendar)? _built;

    public WorkingCalendar Current
    {
        get
        {
            var snapshot = settings.Current;
            var built = _built;
            if (built is { } b && ReferenceEquals(b.Snapshot, snapshot))
            {
                return b.Calendar;
            }

            var calendar = new WorkingCalendar(Options(snapshot, configured.Value));
            _built = (snapshot, calendar);
            return calendar;
        }
    }

    /// <summary>The calendar options the database gives on top of the configured ones.</summary>
    public static WorkingCalendarOptions Options(SettingsCache.Snapshot snapshot, WorkingCalendarOptions configured)
    {
        var stored = snapshot.Get<CalendarSettings>(SettingSections.Calendar);
        var years = configured.OfficialYears.Where(y => snapshot.Years.All(s => s.Year != y.Year))
            .Concat(snapshot.Years.Select(y => new OfficialHolidayYear { Year = y.Year, DaysOff = [.. y.DaysOff], WorkingDays = [.. y.WorkingDays] }))
            .ToList();
        return new WorkingCalendarOptions
        {
            WorkingPeriods = stored?.WorkingPeriods is { Count: > 0 } periods ? [.. periods] : [.. configured.WorkingPeriods],
            AfternoonCutOff = stored?.AfternoonCutOff ?? configured.AfternoonCutOff,
            NationalDayCompanion = stored?.NationalDayCompanion ?? configured.NationalDayCompanion,
            OfficialYears = years,
        };
    }
}

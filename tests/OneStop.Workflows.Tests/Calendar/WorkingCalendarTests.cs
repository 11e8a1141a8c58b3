using OneStop.Workflows.Calendar;

namespace OneStop.Workflows.Tests.Calendar;

// Assumptions about official lists (KnownOfficialYears): Tết 2025 days off were 25/01–02/02/2025 (weekdays 27–31/01) and
// Tết 2026 days off are 14/02–22/02/2026 (weekdays 16–20/02), as announced; 30/04/2025 came with Friday 02/05 off
// in exchange for working Saturday 26/04/2025.
public class WorkingCalendarTests
{
    private readonly WorkingCalendar _calendar = new();

    private static DateTimeOffset Vn(int y, int mo, int d, int h = 0, int mi = 0) => new(y, mo, d, h, mi, 0, TimeSpan.FromHours(7));

    [Fact]
    public void IsWorkingDay_Tet2025_OfficialDaysOff()
    {
        Assert.True(_calendar.IsWorkingDay(new DateOnly(2025, 1, 24)));
        for (var d = new DateOnly(2025, 1, 25); d <= new DateOnly(2025, 2, 2); d = d.AddDays(1))
            Assert.False(_calendar.IsWorkingDay(d));
        Assert.True(_calendar.IsWorkingDay(new DateOnly(2025, 2, 3)));
    }

    [Fact]
    public void IsWorkingDay_CompensatingSaturday2025_IsWorking()
    {
        Assert.True(_calendar.IsWorkingDay(new DateOnly(2025, 4, 26)));
        Assert.False(_calendar.IsWorkingDay(new DateOnly(2025, 5, 2)));
    }

    [Fact]
    public void AddWorkingDays_BeforeTet2025_SkipsWholeHoliday()
    {
        // Friday 24/01/2025 10:00 + 1 working day → Monday 03/02/2025 10:00.
        Assert.Equal(Vn(2025, 2, 3, 10), _calendar.AddWorkingDays(Vn(2025, 1, 24, 10), 1));
        // + 5 working days → Friday 07/02/2025 10:00.
        Assert.Equal(Vn(2025, 2, 7, 10), _calendar.AddWorkingDays(Vn(2025, 1, 24, 10), 5));
    }

    [Fact]
    public void AddWorkingDays_AcrossTet2026_FifteenDays()
    {
        // Received Wednesday 11/02/2026 09:00; working days: 12, 13, 23–27/02, 02–06/03, 09, 10, 11/03 → 15th ends 11/03 09:00.
        Assert.Equal(Vn(2026, 3, 11, 9), _calendar.AddWorkingDays(Vn(2026, 2, 11, 9), 15));
    }

    [Fact]
    public void AddWorkingDays_ReceivedAfterCutOffBeforeTet2026_CountsFromAfterTet()
    {
        // Friday 13/02/2026 15:30 is after the cut-off; counting starts Monday 23/02 07:30; 1 day → 23/02 17:00.
        Assert.Equal(Vn(2026, 2, 23, 7, 30), _calendar.CountingStart(Vn(2026, 2, 13, 15, 30)));
        Assert.Equal(Vn(2026, 2, 23, 17), _calendar.AddWorkingDays(Vn(2026, 2, 13, 15, 30), 1));
    }

    [Fact]
    public void AddWorkingDays_BeforeCutOff_CountsFromNow()
    {
        Assert.Equal(Vn(2026, 3, 3, 14, 59), _calendar.AddWorkingDays(Vn(2026, 3, 2, 14, 59), 1));
    }

    [Fact]
    public void AddWorkingDays_OnSaturday_CountsFromMonday()
    {
        Assert.Equal(Vn(2026, 3, 9, 17), _calendar.AddWorkingDays(Vn(2026, 3, 7, 9), 1));
    }

    [Fact]
    public void AddWorkingHours_SkipsLunchAndNight()
    {
        Assert.Equal(Vn(2026, 3, 2, 14, 30), _calendar.AddWorkingHours(Vn(2026, 3, 2, 10, 30), 2));
        Assert.Equal(Vn(2026, 3, 3, 8, 30), _calendar.AddWorkingHours(Vn(2026, 3, 2, 16), 2));
        Assert.Equal(Vn(2026, 3, 2, 11, 30), _calendar.AddWorkingHours(Vn(2026, 3, 2, 7, 30), 4));
    }

    [Fact]
    public void AddWorkingHours_FromUtcInput_UsesVietnamTime()
    {
        var utc = new DateTimeOffset(2026, 3, 2, 3, 0, 0, TimeSpan.Zero); // 10:00 in Vietnam
        Assert.Equal(Vn(2026, 3, 2, 11), _calendar.AddWorkingHours(utc, 1));
    }

    [Fact]
    public void AddWorkingHours_FridayBeforeTet2026_ContinuesAfterTet()
    {
        Assert.Equal(Vn(2026, 2, 23, 9, 30), _calendar.AddWorkingHours(Vn(2026, 2, 13, 16), 3));
    }

    [Fact]
    public void WorkingDaysBetween_Tet2025AndTet2026()
    {
        Assert.Equal(1, _calendar.WorkingDaysBetween(new DateOnly(2025, 1, 24), new DateOnly(2025, 2, 3)));
        Assert.Equal(3, _calendar.WorkingDaysBetween(new DateOnly(2026, 2, 12), new DateOnly(2026, 2, 24))); // 12, 13 and 23/02
        Assert.Equal(-3, _calendar.WorkingDaysBetween(new DateOnly(2026, 2, 24), new DateOnly(2026, 2, 12)));
    }

    [Fact]
    public void WorkingTimeBetween_IsInverseOfAddWorkingTime()
    {
        var start = Vn(2026, 2, 12, 9, 15);
        var end = _calendar.AddWorkingHours(start, 20);
        Assert.Equal(TimeSpan.FromHours(20), _calendar.WorkingTimeBetween(start, end));
    }

    [Fact]
    public void Options_CustomHoursAndOfficialYear_Override()
    {
        var options = new WorkingCalendarOptions
        {
            WorkingPeriods = [new(new TimeOnly(8, 0), new TimeOnly(12, 0)), new(new TimeOnly(13, 0), new TimeOnly(17, 0))],
            AfternoonCutOff = new TimeOnly(16, 0),
            OfficialYears = [new OfficialHolidayYear { Year = 2027, DaysOff = [new DateOnly(2027, 3, 1)], WorkingDays = [new DateOnly(2027, 3, 6)] }],
        };
        var calendar = new WorkingCalendar(options);
        Assert.Equal(TimeSpan.FromHours(8), calendar.WorkingDayLength);
        Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 3, 1)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2027, 3, 6)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2027, 1, 1))); // the official list replaces the defaults for 2027
        Assert.Equal(Vn(2027, 3, 3, 15, 30), calendar.AddWorkingDays(Vn(2027, 3, 2, 15, 30), 1));
    }
}

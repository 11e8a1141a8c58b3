using OneStop.Workflows.Calendar;

namespace OneStop.Workflows.Tests.Calendar;

public class DefaultHolidaysTests
{
    [Fact]
    public void For2026_TetIsLastDayOfYearPlusFourDays()
    {
        var days = DefaultHolidays.For(2026);
        for (var d = new DateOnly(2026, 2, 16); d <= new DateOnly(2026, 2, 20); d = d.AddDays(1))
            Assert.Contains(d, days);
        Assert.DoesNotContain(new DateOnly(2026, 2, 23), days);
    }

    [Fact]
    public void For2026_HolidayOnSunday_GetsMondaySubstitute()
    {
        var days = DefaultHolidays.For(2026);
        Assert.Contains(new DateOnly(2026, 4, 26), days);
        Assert.Contains(new DateOnly(2026, 4, 27), days);
    }

    [Fact]
    public void For2027_FixedHolidaysAndNationalDayCompanion()
    {
        var days = DefaultHolidays.For(2027, nationalDayCompanion: 3);
        Assert.Contains(new DateOnly(2027, 1, 1), days);
        Assert.Contains(new DateOnly(2027, 4, 30), days);
        Assert.Contains(new DateOnly(2027, 5, 1), days);
        Assert.Contains(new DateOnly(2027, 9, 2), days);
        Assert.Contains(new DateOnly(2027, 9, 3), days);
        Assert.DoesNotContain(new DateOnly(2027, 9, 1), days);
    }

    [Fact]
    public void For2025_TetSaturdayGetsSubstituteAfterTheHoliday()
    {
        // Computed defaults (no official list): Tết Ất Tỵ is 28/01–01/02/2025; 01/02 is a Saturday → Monday 03/02 off.
        var days = DefaultHolidays.For(2025);
        Assert.Contains(new DateOnly(2025, 1, 28), days);
        Assert.Contains(new DateOnly(2025, 2, 1), days);
        Assert.Contains(new DateOnly(2025, 2, 3), days);
        Assert.DoesNotContain(new DateOnly(2025, 1, 27), days);
        Assert.Contains(new DateOnly(2025, 4, 7), days);
    }
}

using OneStop.Workflows.Calendar;

namespace OneStop.Workflows.Tests.Calendar;

public class VietnameseLunarCalendarTests
{
    [Theory]
    [InlineData(2020, 1, 25)]
    [InlineData(2023, 1, 22)]
    [InlineData(2024, 2, 10)]
    [InlineData(2025, 1, 29)]
    [InlineData(2026, 2, 17)]
    [InlineData(2027, 2, 6)]
    [InlineData(2030, 2, 2)] // new moon at 23:07 UTC+7, so Vietnam's Tết is a day before China's
    public void NewYear_KnownYears_MatchesPublishedTetDates(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), VietnameseLunarCalendar.NewYear(year));

    [Theory]
    [InlineData(2024, 4, 18)]
    [InlineData(2025, 4, 7)]
    [InlineData(2026, 4, 26)]
    public void HungKingsDay_Is10thOfThirdLunarMonth(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), VietnameseLunarCalendar.ToSolar(10, 3, year));

    [Fact]
    public void ToSolar_LeapMonth2023_IsSecondMonthTwo()
    {
        // 2023 (Quý Mão) has a leap 2nd month starting 2023-03-22.
        Assert.Equal(new DateOnly(2023, 3, 22), VietnameseLunarCalendar.ToSolar(1, 2, 2023, leapMonth: true));
        Assert.Throws<ArgumentException>(() => VietnameseLunarCalendar.ToSolar(1, 5, 2023, leapMonth: true));
    }
}

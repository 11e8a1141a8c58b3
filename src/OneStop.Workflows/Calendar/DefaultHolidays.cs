namespace OneStop.Workflows.Calendar;

/// <summary>Computes a year's public holidays from the 2019 Labour Code when no official list exists.</summary>
public static class DefaultHolidays
{
    /// <summary>
    /// 1/1, Tết (last day of the lunar year + first 4 days), Giỗ Tổ (10/3 lunar), 30/4, 1/5, 2/9 and its companion day,
    /// plus a substitute day on the next weekday for each holiday falling on a weekend (art. 111(3)).
    /// </summary>
    public static IReadOnlySet<DateOnly> For(int year, int nationalDayCompanion = 1)
    {
        var tet = VietnameseLunarCalendar.NewYear(year);
        var days = new SortedSet<DateOnly>
        {
            new(year, 1, 1),
            tet.AddDays(-1), tet, tet.AddDays(1), tet.AddDays(2), tet.AddDays(3),
            VietnameseLunarCalendar.ToSolar(10, 3, year),
            new(year, 4, 30), new(year, 5, 1),
            new(year, 9, 2), new(year, 9, nationalDayCompanion),
        };

        foreach (var holiday in days.Where(IsWeekend).ToList())
        {
            var substitute = holiday.AddDays(1);
            while (IsWeekend(substitute) || days.Contains(substitute))
                substitute = substitute.AddDays(1);
            days.Add(substitute);
        }

        return days;
    }

    private static bool IsWeekend(DateOnly d) => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}

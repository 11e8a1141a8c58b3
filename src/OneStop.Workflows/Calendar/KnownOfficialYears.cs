namespace OneStop.Workflows.Calendar;

/// <summary>Official holiday lists shipped with OneStop; administrators may replace them.</summary>
public static class KnownOfficialYears
{
    /// <summary>
    /// 2025: Tết Ất Tỵ 25/01–02/02 (9 days incl. weekends), Giỗ Tổ 07/04, 30/04–04/05 with Friday 02/05 swapped for
    /// Saturday 26/04, National Day 30/08–02/09.
    /// </summary>
    public static OfficialHolidayYear Y2025 { get; } = new()
    {
        Year = 2025,
        DaysOff = [D(2025, 1, 1), .. Span(D(2025, 1, 25), D(2025, 2, 2)), D(2025, 4, 7), .. Span(D(2025, 4, 30), D(2025, 5, 4)),
            .. Span(D(2025, 8, 30), D(2025, 9, 2))],
        WorkingDays = [D(2025, 4, 26)],
    };

    /// <summary>
    /// 2026: Tết Bính Ngọ 14/02–22/02 as announced (weekdays 16–20/02); the other days follow the Labour Code
    /// (Giỗ Tổ 26/04 is a Sunday, so Monday 27/04 is the substitute day; 02/09 with 01/09) until the government announces them.
    /// </summary>
    public static OfficialHolidayYear Y2026 { get; } = new()
    {
        Year = 2026,
        DaysOff = [D(2026, 1, 1), .. Span(D(2026, 2, 14), D(2026, 2, 22)), D(2026, 4, 26), D(2026, 4, 27), D(2026, 4, 30),
            D(2026, 5, 1), D(2026, 9, 1), D(2026, 9, 2)],
        WorkingDays = [],
    };

    /// <summary>All shipped years.</summary>
    public static IReadOnlyList<OfficialHolidayYear> All { get; } = [Y2025, Y2026];

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static IEnumerable<DateOnly> Span(DateOnly from, DateOnly to)
    {
        for (var d = from; d <= to; d = d.AddDays(1))
            yield return d;
    }
}

namespace OneStop.Workflows.Calendar;

/// <summary>Converts Vietnamese lunar dates (UTC+7) to Gregorian dates using Hồ Ngọc Đức's astronomical algorithm.</summary>
public static class VietnameseLunarCalendar
{
    private const double TimeZone = 7.0;
    private const double SynodicMonth = 29.530588853;
    private const int JulianDayOfDayNumberZero = 1721426;

    /// <summary>The Gregorian date of lunar day/month in the given lunar year (non-leap month).</summary>
    public static DateOnly ToSolar(int lunarDay, int lunarMonth, int lunarYear, bool leapMonth = false)
    {
        int a11, b11;
        if (lunarMonth < 11)
        {
            a11 = LunarMonth11(lunarYear - 1);
            b11 = LunarMonth11(lunarYear);
        }
        else
        {
            a11 = LunarMonth11(lunarYear);
            b11 = LunarMonth11(lunarYear + 1);
        }

        var k = (int)Math.Floor(0.5 + ((a11 - 2415021.076998695) / SynodicMonth));
        var off = lunarMonth - 11;
        if (off < 0)
            off += 12;
        if (b11 - a11 > 365)
        {
            var leapOff = LeapMonthOffset(a11);
            var leap = leapOff - 2;
            if (leap < 0)
                leap += 12;
            if (leapMonth && lunarMonth != leap)
                throw new ArgumentException($"Lunar year {lunarYear} has no leap month {lunarMonth}.", nameof(leapMonth));
            if (leapMonth || off >= leapOff)
                off += 1;
        }
        else if (leapMonth)
        {
            throw new ArgumentException($"Lunar year {lunarYear} has no leap month.", nameof(leapMonth));
        }

        var monthStart = NewMoonDay(k + off);
        return DateOnly.FromDayNumber(monthStart + lunarDay - 1 - JulianDayOfDayNumberZero);
    }

    /// <summary>The Gregorian date of the lunar new year (mùng 1 Tết) that falls in the given Gregorian year.</summary>
    public static DateOnly NewYear(int year) => ToSolar(1, 1, year);

    private static int JulianDay(int day, int month, int year) =>
        new DateOnly(year, month, day).DayNumber + JulianDayOfDayNumberZero;

    private static int NewMoonDay(int k)
    {
        var t = k / 1236.85;
        var t2 = t * t;
        var t3 = t2 * t;
        const double dr = Math.PI / 180;
        var jd1 = 2415020.75933 + (29.53058868 * k) + (0.0001178 * t2) - (0.000000155 * t3);
        jd1 += 0.00033 * Math.Sin((166.56 + (132.87 * t) - (0.009173 * t2)) * dr);
        var m = 359.2242 + (29.10535608 * k) - (0.0000333 * t2) - (0.00000347 * t3);
        var mpr = 306.0253 + (385.81691806 * k) + (0.0107306 * t2) + (0.00001236 * t3);
        var f = 21.2964 + (390.67050646 * k) - (0.0016528 * t2) - (0.00000239 * t3);
        var c1 = ((0.1734 - (0.000393 * t)) * Math.Sin(m * dr)) + (0.0021 * Math.Sin(2 * dr * m));
        c1 = c1 - (0.4068 * Math.Sin(mpr * dr)) + (0.0161 * Math.Sin(dr * 2 * mpr));
        c1 -= 0.0004 * Math.Sin(dr * 3 * mpr);
        c1 = c1 + (0.0104 * Math.Sin(dr * 2 * f)) - (0.0051 * Math.Sin(dr * (m + mpr)));
        c1 = c1 - (0.0074 * Math.Sin(dr * (m - mpr))) + (0.0004 * Math.Sin(dr * ((2 * f) + m)));
        c1 = c1 - (0.0004 * Math.Sin(dr * ((2 * f) - m))) - (0.0006 * Math.Sin(dr * ((2 * f) + mpr)));
        c1 = c1 + (0.0010 * Math.Sin(dr * ((2 * f) - mpr))) + (0.0005 * Math.Sin(dr * ((2 * mpr) + m)));
        var deltaT = t < -11
            ? 0.001 + (0.000839 * t) + (0.0002261 * t2) - (0.00000845 * t3) - (0.000000081 * t * t3)
            : -0.000278 + (0.000265 * t) + (0.000262 * t2);
        var jdNew = jd1 + c1 - deltaT;
        return (int)Math.Floor(jdNew + 0.5 + (TimeZone / 24));
    }

    private static int SunLongitude(int jdn)
    {
        var t = (jdn - 2451545.5 - (TimeZone / 24)) / 36525;
        var t2 = t * t;
        const double dr = Math.PI / 180;
        var m = 357.52910 + (35999.05030 * t) - (0.0001559 * t2) - (0.00000048 * t * t2);
        var l0 = 280.46645 + (36000.76983 * t) + (0.0003032 * t2);
        var dl = (1.914600 - (0.004817 * t) - (0.000014 * t2)) * Math.Sin(dr * m);
        dl = dl + ((0.019993 - (0.000101 * t)) * Math.Sin(dr * 2 * m)) + (0.000290 * Math.Sin(dr * 3 * m));
        var l = (l0 + dl) * dr;
        l -= Math.PI * 2 * Math.Floor(l / (Math.PI * 2));
        return (int)Math.Floor(l / Math.PI * 6);
    }

    private static int LunarMonth11(int year)
    {
        var off = JulianDay(31, 12, year) - 2415021;
        var k = (int)Math.Floor(off / SynodicMonth);
        var nm = NewMoonDay(k);
        return SunLongitude(nm) >= 9 ? NewMoonDay(k - 1) : nm;
    }

    private static int LeapMonthOffset(int a11)
    {
        var k = (int)Math.Floor(((a11 - 2415021.076998695) / SynodicMonth) + 0.5);
        var i = 1;
        var arc = SunLongitude(NewMoonDay(k + i));
        int last;
        do
        {
            last = arc;
            i++;
            arc = SunLongitude(NewMoonDay(k + i));
        }
        while (arc != last && i < 14);
        return i - 1;
    }
}

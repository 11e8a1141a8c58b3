using System.Collections.Concurrent;
using OneStop.Workflows.Definitions;
using OneStop.Core.Common;

namespace OneStop.Workflows.Calendar;

/// <summary>Vietnamese working-day calendar: Mon–Fri minus holidays plus compensating days, working hours and the afternoon cut-off.</summary>
public sealed class WorkingCalendar
{
    private readonly WorkingCalendarOptions _options;
    private readonly ConcurrentDictionary<int, YearDays> _years = new();
    private readonly Dictionary<int, OfficialHolidayYear> _official;

    public WorkingCalendar(WorkingCalendarOptions? options = null)
    {
        _options = options ?? new WorkingCalendarOptions();
        if (_options.WorkingPeriods.Count == 0 || _options.WorkingPeriods.Any(p => p.End <= p.Start))
            throw new ArgumentException("Working periods must be non-empty and each must end after it starts.", nameof(options));
        _official = _options.OfficialYears.GroupBy(y => y.Year).ToDictionary(g => g.Key, g => g.Last());
        WorkingDayLength = _options.WorkingPeriods.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Length);
    }

    /// <summary>The working time in one working day (7.5 hours by default).</summary>
    public TimeSpan WorkingDayLength { get; }

    /// <summary>Whether the date is a working day.</summary>
    public bool IsWorkingDay(DateOnly date)
    {
        var year = _years.GetOrAdd(date.Year, Build);
        if (year.WorkingDays.Contains(date))
            return true;
        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !year.DaysOff.Contains(date);
    }

    /// <summary>Whether the instant falls on a working day in Vietnam.</summary>
    public bool IsWorkingDay(DateTimeOffset instant) => IsWorkingDay(DateOnly.FromDateTime(Local(instant).DateTime));

    /// <summary>The first working day strictly after the date.</summary>
    public DateOnly NextWorkingDay(DateOnly date)
    {
        var next = date.AddDays(1);
        while (!IsWorkingDay(next))
            next = next.AddDays(1);
        return next;
    }

    /// <summary>When counting starts for something received at this instant: now, or the next working day after the cut-off or a day off.</summary>
    public DateTimeOffset CountingStart(DateTimeOffset received)
    {
        var local = Local(received);
        var date = DateOnly.FromDateTime(local.DateTime);
        if (IsWorkingDay(date) && TimeOnly.FromDateTime(local.DateTime) < _options.AfternoonCutOff)
            return local;
        return At(NextWorkingDay(date), _options.WorkingPeriods[0].Start);
    }

    /// <summary>The due instant N working days after receipt (a working day is one full day of working time, counted from <see cref="CountingStart"/>).</summary>
    public DateTimeOffset AddWorkingDays(DateTimeOffset start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        return AddWorkingTime(CountingStart(start), WorkingDayLength * days);
    }

    /// <summary>The instant after the given number of working hours, counted from the next working moment.</summary>
    public DateTimeOffset AddWorkingHours(DateTimeOffset start, double hours) => AddWorkingTime(start, TimeSpan.FromHours(hours));

    /// <summary>Adds a workflow duration ("5d" or "4h").</summary>
    public DateTimeOffset Add(DateTimeOffset start, WorkflowDuration duration) => duration.Unit == DurationUnit.WorkingDays
        ? AddWorkingDays(start, duration.Amount)
        : AddWorkingHours(start, duration.Amount);

    /// <summary>The instant after the given amount of working time; a result at the end of a period stays there.</summary>
    public DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan amount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(amount, TimeSpan.Zero);
        var local = Local(start);
        if (amount == TimeSpan.Zero)
            return local;
        var date = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var remaining = amount;
        while (true)
        {
            if (IsWorkingDay(date))
            {
                foreach (var period in _options.WorkingPeriods.Where(p => time < p.End))
                {
                    var from = time > period.Start ? time : period.Start;
                    var available = period.End - from;
                    if (remaining <= available)
                        return At(date, from).Add(remaining);
                    remaining -= available;
                }
            }

            date = NextWorkingDay(date);
            time = TimeOnly.MinValue;
        }
    }

    /// <summary>The working time between two instants (zero when to is not after from).</summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var a = Local(from);
        var b = Local(to);
        var total = TimeSpan.Zero;
        for (var date = DateOnly.FromDateTime(a.DateTime); date <= DateOnly.FromDateTime(b.DateTime); date = date.AddDays(1))
        {
            if (!IsWorkingDay(date))
                continue;
            foreach (var period in _options.WorkingPeriods)
            {
                var s = Max(At(date, period.Start), a);
                var e = Min(At(date, period.End), b);
                if (e > s)
                    total += e - s;
            }
        }

        return total;
    }

    /// <summary>The number of working days in [from, to); negative when to is before from.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
            return -WorkingDaysBetween(to, from);
        var count = 0;
        for (var d = from; d < to; d = d.AddDays(1))
        {
            if (IsWorkingDay(d))
                count++;
        }

        return count;
    }

    /// <summary>The days off of a year (official list if any, else computed defaults).</summary>
    public IReadOnlySet<DateOnly> DaysOff(int year) => _years.GetOrAdd(year, Build).DaysOff;

    private static DateTimeOffset Local(DateTimeOffset instant) => VietnamTime.ToLocal(instant);

    private static DateTimeOffset At(DateOnly date, TimeOnly time) => VietnamTime.At(date, time);

    private static DateTimeOffset Max(DateTimeOffset x, DateTimeOffset y) => x > y ? x : y;

    private static DateTimeOffset Min(DateTimeOffset x, DateTimeOffset y) => x < y ? x : y;

    private YearDays Build(int year) => _official.TryGetValue(year, out var official)
        ? new YearDays(official.DaysOff.ToHashSet(), official.WorkingDays.ToHashSet())
        : new YearDays(DefaultHolidays.For(year, _options.NationalDayCompanion), new HashSet<DateOnly>());

    private sealed record YearDays(IReadOnlySet<DateOnly> DaysOff, IReadOnlySet<DateOnly> WorkingDays);
}

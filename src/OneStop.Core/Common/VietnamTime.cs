namespace OneStop.Core.Common;

/// <summary>Vietnam's clock (UTC+7, no daylight saving): the one place that knows the offset, for days, deadlines and display.</summary>
public static class VietnamTime
{
    /// <summary>Vietnam's UTC offset.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    /// <summary>The same instant as Vietnam's clocks show it.</summary>
    public static DateTimeOffset ToLocal(DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>The calendar day in Vietnam at the instant.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    /// <summary>Today in Vietnam.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOf((clock ?? TimeProvider.System).GetUtcNow());

    /// <summary>The instant a Vietnamese day starts (00:00 +07:00).</summary>
    public static DateTimeOffset StartOf(DateOnly day) => At(day, TimeOnly.MinValue);

    /// <summary>An instant given as a Vietnamese day and time of day.</summary>
    public static DateTimeOffset At(DateOnly day, TimeOnly time) => new(day.ToDateTime(time), Offset);

    /// <summary>A wall-clock time read in Vietnam (e.g. from a date-time input), as an instant.</summary>
    public static DateTimeOffset FromLocal(DateTime local) => new(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Offset);
}

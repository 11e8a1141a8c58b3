namespace OneStop.Infrastructure.Settings;

/// <summary>A year's days off and compensating working days as reviewed by an administrator; replaces the shipped or computed list.</summary>
public sealed class CalendarYear
{
    public required int Year { get; init; }

    public List<DateOnly> DaysOff { get; set; } = [];

    public List<DateOnly> WorkingDays { get; set; } = [];

    public DateTimeOffset UpdatedAt { get; set; }

    public string? UpdatedBy { get; set; }
}

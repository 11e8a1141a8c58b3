namespace OneStop.Infrastructure.Observability;

/// <summary>What the database-backed gauges report, read in one round trip and kept for a few seconds.</summary>
internal sealed record OperationsSnapshot(
    IReadOnlyList<(string Outbox, long Count, double OldestSeconds)> Outboxes,
    IReadOnlyList<(string Agency, long Open, long Overdue)> Tasks,
    long TimersDue,
    double TimersOldestSeconds,
    bool LegacyImportRunning,
    double LegacyImportSeconds)
{
    public static readonly OperationsSnapshot Empty = new([], [], 0, 0, false, 0);
}

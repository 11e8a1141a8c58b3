namespace OneStop.Testing;

/// <summary>The real clock, moved ahead (or back) by what a test says: the host keeps running in real time, and a test jumps past a deadline.</summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Shift(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}

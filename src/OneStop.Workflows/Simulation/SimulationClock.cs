namespace OneStop.Workflows.Simulation;

/// <summary>The simulation's own clock: it only moves forward, to when each simulated step is acted on.</summary>
internal sealed class SimulationClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now.ToUniversalTime();

    public void MoveTo(DateTimeOffset instant)
    {
        if (instant > _now)
            _now = instant;
    }
}

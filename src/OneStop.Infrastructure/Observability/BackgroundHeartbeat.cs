namespace OneStop.Infrastructure.Observability;

/// <summary>
/// When the workflow background service last completed a poll (timers, outbox, e-mail), and whether it runs on this instance at
/// all; the readiness check reads it.
/// </summary>
public sealed class BackgroundHeartbeat(TimeProvider clock)
{
    private long _lastBeat = clock.GetUtcNow().UtcTicks;
    private long _lastSuccess;
    private string? _lastError;

    /// <summary>False when background processing is switched off here (Workflows:BackgroundProcessing=false).</summary>
    public bool Enabled { get; private set; } = true;

    /// <summary>When the service started or last finished a poll, successful or not.</summary>
    public DateTimeOffset LastBeat => new(Interlocked.Read(ref _lastBeat), TimeSpan.Zero);

    /// <summary>When a poll last succeeded, or null if none has yet.</summary>
    public DateTimeOffset? LastSuccess => Interlocked.Read(ref _lastSuccess) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>The exception type of the last failed poll (no message: it may hold data), cleared by a success.</summary>
    public string? LastError => Volatile.Read(ref _lastError);

    public void Disabled() => Enabled = false;

    /// <summary>A part of a poll finished: the loop is alive.</summary>
    public void Alive() => Interlocked.Exchange(ref _lastBeat, clock.GetUtcNow().UtcTicks);

    /// <summary>A poll finished, successfully or with <paramref name="failure"/>.</summary>
    public void Beat(Exception? failure = null)
    {
        var now = clock.GetUtcNow().UtcTicks;
        Interlocked.Exchange(ref _lastBeat, now);
        if (failure is null)
        {
            Interlocked.Exchange(ref _lastSuccess, now);
        }

        Volatile.Write(ref _lastError, failure?.GetType().Name);
    }
}

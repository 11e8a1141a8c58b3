using System.Collections.Concurrent;

namespace OneStop.Web.Security;

/// <summary>
/// Progressive delay on failed sign-ins, per account and client address together: after SignInThrottle:FreeFailures failures
/// (5) from one address for one account name, that address waits 1 s, then 2, 4 … up to SignInThrottle:MaxDelaySeconds (15 min)
/// before it may try that account again. The account itself is never locked by anonymous failures, so nobody can lock an official
/// out by typing wrong passwords: the official signs in from their own address as usual. A success forgets the address's failures.
/// Kept in memory per host (bounded); the per-address rate limit (<see cref="RateLimits.SignIn"/>) caps password spraying.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock, IConfiguration configuration)
{
    private const int MaxEntries = 100_000;
    private static readonly TimeSpan Forget = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    private sealed record Entry(int Failures, DateTimeOffset Last, DateTimeOffset BlockedUntil);

    private int FreeFailures => Math.Max(1, configuration.GetValue("SignInThrottle:FreeFailures", 5));

    private TimeSpan MaxDelay => TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue("SignInThrottle:MaxDelaySeconds", 900), 1, 86_400));

    /// <summary>How long this address must still wait before trying this account again; null when it may try now.</summary>
    public TimeSpan? Wait(string account, string client)
    {
        var now = clock.GetUtcNow();
        return _entries.TryGetValue(Key(account, client), out var entry) && entry.BlockedUntil > now ? entry.BlockedUntil - now : null;
    }

    public void Failed(string account, string client)
    {
        var now = clock.GetUtcNow();
        if (_entries.Count >= MaxEntries)
        {
            foreach (var stale in _entries.Where(e => now - e.Value.Last > Forget).Select(e => e.Key).ToList())
            {
                _entries.TryRemove(stale, out _);
            }
        }

        _entries.AddOrUpdate(Key(account, client), _ => Next(0, now), (_, entry) => Next(now - entry.Last > Forget ? 0 : entry.Failures, now));
    }

    public void Succeeded(string account, string client) => _entries.TryRemove(Key(account, client), out _);

    private Entry Next(int failures, DateTimeOffset now)
    {
        var count = failures + 1;
        var over = count - FreeFailures;
        var delay = over < 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Min(MaxDelay.TotalSeconds, Math.Pow(2, Math.Min(over, 30))));
        return new Entry(count, now, now + delay);
    }

    private static string Key(string account, string client) => account.Trim().ToUpperInvariant() + "|" + client;
}

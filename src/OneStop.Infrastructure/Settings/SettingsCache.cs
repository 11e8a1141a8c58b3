using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneStop.Infrastructure.Data;

namespace OneStop.Infrastructure.Settings;

/// <summary>
/// The settings and calendar years of the database, read at most every 30 seconds per host (and at once after a change on this
/// host), so every instance behind a load balancer follows an administrator's change within half a minute.
/// </summary>
public sealed partial class SettingsCache(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SettingsCache> logger, SettingsSecrets secrets)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(5);
    private readonly Lock _gate = new();
    private Snapshot? _snapshot;
    private int _refreshing;

    /// <summary>What was read, at one moment.</summary>
    public sealed record Snapshot(IReadOnlyDictionary<string, AppSetting> Settings, IReadOnlyList<CalendarYear> Years, DateTimeOffset ReadAt,
        SettingsSecrets? Secrets = null)
    {
        public T? Get<T>(string key) where T : class =>
            Settings.TryGetValue(key, out var s) ? JsonSerializer.Deserialize<T>(s.Value, SettingsJson.Options) : null;

        public string? Secret(string key, string name) =>
            Settings.TryGetValue(key, out var s) && s.SecretValue is { } json
            && JsonSerializer.Deserialize<Dictionary<string, string?>>(json) is { } stored && stored.TryGetValue(name, out var value)
                ? Secrets is null ? value : Secrets.Reveal(value)
                : null;
    }

    /// <summary>
    /// The settings as last read. An expired snapshot is still answered while one background read refreshes it (stale while
    /// revalidating): a request never waits for the database here, and never holds a thread on a lock while other requests hold the
    /// pool's connections (under load that deadlocked the pool until its timeout, every 30 seconds). Only the very first read waits;
    /// after a change, <see cref="Invalidate"/> reads in the changing request.
    /// </summary>
    public Snapshot Current
    {
        get
        {
            var now = clock.GetUtcNow();
            var snapshot = _snapshot;
            if (snapshot is null)
            {
                lock (_gate)
                {
                    return _snapshot ??= Read(now) ?? new Snapshot(new Dictionary<string, AppSetting>(), [], now);
                }
            }

            if (now - snapshot.ReadAt >= Lifetime && Interlocked.CompareExchange(ref _refreshing, 1, 0) == 0)
            {
                _ = Task.Run(() => Refresh(snapshot));
            }

            return snapshot;
        }
    }

    /// <summary>
    /// Reads again at once, after a change on this host: the request that made the change pays the read, and every other request goes
    /// on with the snapshot before it meanwhile, never waiting. If the read fails, the snapshot expires, to be read again in the background.
    /// </summary>
    public void Invalidate()
    {
        var now = clock.GetUtcNow();
        if (Read(now) is { } fresh)
        {
            _snapshot = fresh;
        }
        else if (_snapshot is { } stale)
        {
            Interlocked.CompareExchange(ref _snapshot, stale with { ReadAt = now - Lifetime }, stale);
        }
    }

    private void Refresh(Snapshot stale)
    {
        try
        {
            var now = clock.GetUtcNow();
            // A failed read keeps what was read before and tries again after a few seconds, not on every request.
            var fresh = Read(now) ?? stale with { ReadAt = now - Lifetime + RetryAfterFailure };
            Interlocked.CompareExchange(ref _snapshot, fresh, stale);
        }
        finally
        {
            Volatile.Write(ref _refreshing, 0);
        }
    }

    private Snapshot? Read(DateTimeOffset now)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            var settings = db.Set<AppSetting>().AsNoTracking().ToDictionary(s => s.Key);
            var years = db.Set<CalendarYear>().AsNoTracking().OrderBy(y => y.Year).ToList();
            return new Snapshot(settings, years, now, secrets);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or InvalidOperationException)
        {
            // No database yet (before migration, or a CLI command without one): configured values apply.
            LogUnavailable(logger, ex.Message);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Settings could not be read from the database; configured values apply: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string reason);
}

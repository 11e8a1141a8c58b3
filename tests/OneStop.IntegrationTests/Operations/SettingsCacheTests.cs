using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OneStop.Infrastructure.Settings;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Operations;

/// <summary>
/// Found by the catalogue benchmark: every 30 seconds the settings were read again under a lock that every request waited on, while
/// those requests held the pool's connections; the read then waited for a connection, and the host stood still until the pool's timeout.
/// An expired snapshot is now answered at once while one background read refreshes it.
/// </summary>
public sealed class SettingsCacheTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    [Fact]
    public async Task An_expired_snapshot_is_answered_at_once_and_refreshed_once_in_the_background()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 12, 7, 2, 0, 0, TimeSpan.Zero));
        var cache = new SettingsCache(app.Services.GetRequiredService<IServiceScopeFactory>(), clock, NullLogger<SettingsCache>.Instance,
            app.Services.GetRequiredService<SettingsSecrets>());

        var first = cache.Current;
        Assert.Equal(clock.GetUtcNow(), first.ReadAt);
        Assert.Same(first, cache.Current);

        clock.Advance(TimeSpan.FromSeconds(31));
        var answered = Enumerable.Range(0, 20).Select(_ => cache.Current).ToList();

        Assert.All(answered, s => Assert.Same(first, s)); // the stale one, without waiting for the database
        var refreshed = await EventuallyAsync(() => cache.Current.ReadAt == clock.GetUtcNow() ? cache.Current : null);
        Assert.NotSame(first, refreshed);
        Assert.Equal(first.Settings.Keys.Order(), refreshed.Settings.Keys.Order());

        // A change on this host: the changing request reads again, and the next request has the new snapshot without a read of its own.
        cache.Invalidate();
        var changed = cache.Current;
        Assert.NotSame(refreshed, changed);
        Assert.Same(changed, cache.Current);
    }

    private static async Task<T> EventuallyAsync<T>(Func<T?> probe)
        where T : class
    {
        for (var i = 0; i < 200; i++)
        {
            if (probe() is { } value)
            {
                return value;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The snapshot was not refreshed in the background within 10 s.");
    }
}

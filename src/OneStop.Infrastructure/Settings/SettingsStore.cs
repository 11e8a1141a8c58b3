using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OneStop.Infrastructure.Audit;
using OneStop.Infrastructure.Data;

namespace OneStop.Infrastructure.Settings;

/// <summary>Writes settings sections and calendar years (audited by the SaveChanges interceptor) and refreshes this host's cache.</summary>
public sealed class SettingsStore(OneStopDbContext db, SettingsCache cache, IAuditActor actor, TimeProvider clock, SettingsSecrets sealer)
{
    /// <summary>Saves a section; a null secret keeps the stored one, so a password need not be typed again; secrets are stored encrypted.</summary>
    public async Task SaveAsync<T>(string key, T value, IReadOnlyDictionary<string, string?>? secrets, CancellationToken cancellationToken)
    {
        var row = await db.Set<AppSetting>().SingleOrDefaultAsync(s => s.Key == key, cancellationToken);
        var json = JsonSerializer.Serialize(value, SettingsJson.Options);
        if (row is null)
        {
            row = new AppSetting { Key = key, Value = json };
            db.Add(row);
        }

        row.Value = json;
        if (secrets is not null)
        {
            var merged = row.SecretValue is { } old ? JsonSerializer.Deserialize<Dictionary<string, string?>>(old) ?? [] : [];
            foreach (var (name, secret) in secrets.Where(s => !string.IsNullOrEmpty(s.Value)))
            {
                merged[name] = secret;
            }

            row.SecretValue = sealer.SealAll(merged); // encrypted, the old plain values too
        }

        row.UpdatedAt = clock.GetUtcNow();
        row.UpdatedBy = actor.Current.UserName;
        await db.SaveChangesAsync(cancellationToken);
        cache.Invalidate();
    }

    public async Task SaveYearAsync(int year, IReadOnlyCollection<DateOnly> daysOff, IReadOnlyCollection<DateOnly> workingDays, CancellationToken cancellationToken)
    {
        var row = await db.Set<CalendarYear>().SingleOrDefaultAsync(y => y.Year == year, cancellationToken);
        if (row is null)
        {
            row = new CalendarYear { Year = year };
            db.Add(row);
        }

        row.DaysOff = [.. daysOff.Order()];
        row.WorkingDays = [.. workingDays.Order()];
        row.UpdatedAt = clock.GetUtcNow();
        row.UpdatedBy = actor.Current.UserName;
        await db.SaveChangesAsync(cancellationToken);
        cache.Invalidate();
    }

    /// <summary>Forgets a year's reviewed list, so the shipped or computed one applies again.</summary>
    public async Task DeleteYearAsync(int year, CancellationToken cancellationToken)
    {
        if (await db.Set<CalendarYear>().SingleOrDefaultAsync(y => y.Year == year, cancellationToken) is { } row)
        {
            db.Remove(row);
            await db.SaveChangesAsync(cancellationToken);
            cache.Invalidate();
        }
    }
}

using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OneStop.Infrastructure.Identity;

namespace OneStop.Infrastructure.Audit;

/// <summary>
/// Adds an audit line, in the same SaveChanges, for every change to an administrative entity (organisation, procedures,
/// workflow definitions, accounts and roles, calendar and settings), with the changed values before and after.
/// </summary>
internal sealed class AuditSaveChangesInterceptor(IAuditActor actor, TimeProvider clock) : SaveChangesInterceptor
{
    /// <summary>Values never written to the log.</summary>
    private static readonly HashSet<string> Secret = ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "SecretValue"];

    /// <summary>Account columns that change on every sign-in; a change touching only these is not an administrative act.</summary>
    private static readonly HashSet<string> SignInNoise = ["AccessFailedCount", "ConcurrencyStamp", "SecurityStamp", "PasswordHash"];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Capture(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Capture(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Capture(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        // One scan of the tracked entities (also when automatic detection is off); Entries() would scan them all again.
        var tracker = context.ChangeTracker;
        tracker.DetectChanges();
        var detecting = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        List<EntityEntry> all;
        try
        {
            all = tracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detecting;
        }

        if (all.Count == 0)
        {
            return;
        }

        var who = actor.Current;
        var now = clock.GetUtcNow();
        context.AddRange(DossierAuditLines.From(all, who, now).ToList());
        var changed = all.Where(e => AuditedTypes.IsAudited(e.Metadata.ClrType)).ToList();
        foreach (var entry in changed)
        {
            if (IsAccountChange(entry) && !who.IsAdministrator && who.UserName != AuditActorInfo.System.UserName)
            {
                continue; // registration, sign-in and self-service are the person's own business, not administration
            }

            var modified = entry.Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).ToList();
            if (entry.State == EntityState.Modified && (modified.Count == 0
                || (entry.Entity is OneStopUser && modified.All(p => SignInNoise.Contains(p.Metadata.Name)))))
            {
                continue;
            }

            var (before, after) = entry.State switch
            {
                EntityState.Added => (null, Values(entry.Properties, p => p.CurrentValue)),
                EntityState.Deleted => (Values(entry.Properties, p => p.OriginalValue), null),
                _ => (Values(modified, p => p.OriginalValue), Values(modified, p => p.CurrentValue)),
            };
            var verb = entry.State switch { EntityState.Added => "Created", EntityState.Deleted => "Deleted", _ => "Updated" };
            var type = AuditedTypes.Name(entry.Metadata.ClrType);
            context.Add(new AuditEntry(now, who, $"{type}.{verb}", type, Key(entry), null, before, after));
        }
    }

    private static bool IsAccountChange(EntityEntry entry) => entry.Entity is OneStopUser or IdentityUserRole<Guid>;

    private static string Key(EntityEntry entry) =>
        string.Join(":", entry.Metadata.FindPrimaryKey()?.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue,
            System.Globalization.CultureInfo.InvariantCulture)) ?? []);

    private static string Values(IEnumerable<PropertyEntry> properties, Func<PropertyEntry, object?> value)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in properties)
        {
            var name = property.Metadata.Name;
            values[name] = Secret.Contains(name) ? "***" : Plain(value(property));
        }

        return JsonSerializer.Serialize(values, AuditLog.Json);
    }

    private static object? Plain(object? value)
    {
        if (value is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.SerializeToElement(value, AuditLog.Json);
        }
        catch (NotSupportedException)
        {
            return value.ToString();
        }
        catch (JsonException)
        {
            return value.ToString();
        }
    }
}

using Microsoft.EntityFrameworkCore;
using OneStop.Infrastructure.Data;

namespace OneStop.Infrastructure.Notifications;

/// <summary>Whether a user was told of an event already (added in this context or saved): one index lookup on (user, marker).</summary>
internal static class NotificationsTold
{
    // Asked for every notice of every transition: compiled (CompiledQueries says why).
    private static readonly CompiledQuery<Guid, string, bool> Saved =
        new((db, userId, marker, _) => db.Notifications.Any(n => n.UserId == userId && n.Marker == marker));

    public static async Task<bool> ToldAsync(this OneStopDbContext db, Guid userId, string marker, CancellationToken cancellationToken) =>
        db.Notifications.Local.Any(n => n.UserId == userId && n.Marker == marker)
        || await Saved.RunAsync(db, userId, marker, cancellationToken);
}

using Microsoft.EntityFrameworkCore;
using OneStop.Infrastructure.Data;

namespace OneStop.Infrastructure.Notifications;

/// <summary>Whether a user was told of an event already (added in this context or saved): one index lookup on (user, marker).</summary>
internal static class NotificationsTold
{
    public static async Task<bool> ToldAsync(this OneStopDbContext db, Guid userId, string marker, CancellationToken cancellationToken) =>
        db.Notifications.Local.Any(n => n.UserId == userId && n.Marker == marker)
        || await db.Notifications.AnyAsync(n => n.UserId == userId && n.Marker == marker, cancellationToken);
}

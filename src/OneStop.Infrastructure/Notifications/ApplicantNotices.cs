using Microsoft.EntityFrameworkCore;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Data;

namespace OneStop.Infrastructure.Notifications;

/// <summary>In-app notices to a dossier's applicant; each carries a marker so the same event never notifies twice. The caller saves.</summary>
public static class ApplicantNotices
{
    public static async Task AddAsync(OneStopDbContext db, Dossier dossier, string message, string marker, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(dossier);
        if (dossier.ApplicantUserId is not { } userId)
        {
            return;
        }

        var suffix = $"[{marker}]";
        if (db.Notifications.Local.Any(n => n.UserId == userId && n.Message.EndsWith(suffix, StringComparison.Ordinal))
            || await db.Notifications.AnyAsync(n => n.UserId == userId && n.Message.EndsWith(suffix), cancellationToken))
        {
            return;
        }

        db.Notifications.Add(new Notification { UserId = userId, DossierId = dossier.Code, Message = $"{message} {suffix}", CreatedAt = at });
    }

    /// <summary>The message without its idempotency marker, as shown to people.</summary>
    public static string Display(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var start = message.LastIndexOf(" [", StringComparison.Ordinal);
        return start > 0 && message.EndsWith(']') ? message[..start] : message;
    }
}

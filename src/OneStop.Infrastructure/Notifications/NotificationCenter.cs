using Microsoft.EntityFrameworkCore;
using OneStop.Core.Common;
using OneStop.Infrastructure.Data;

namespace OneStop.Infrastructure.Notifications;

/// <summary>A user's in-app notifications: the latest first, the unread count, marking read. Nobody reaches another user's.</summary>
public sealed class NotificationCenter(OneStopDbContext db, TimeProvider clock)
{
    public sealed record Item(Guid Id, string? DossierCode, Guid? DossierId, string Message, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

    public async Task<IReadOnlyList<Item>> ListAsync(Guid userId, bool unreadOnly, int take, CancellationToken cancellationToken)
    {
        var query = db.Notifications.AsNoTracking().Where(n => n.UserId == userId);
        if (unreadOnly)
        {
            query = query.Where(n => n.ReadAt == null);
        }

        var rows = await (from n in query.OrderByDescending(n => n.CreatedAt).Take(Math.Clamp(take, 1, 200))
                          select new
                          {
                              n.Id, n.DossierId, n.Message, n.CreatedAt, n.ReadAt,
                              // By the code alone, then whose it is (OwnedDossierLookup says why).
                              Dossier = db.Dossiers.Where(d => d.Code == n.DossierId).Select(d => d.ApplicantUserId == userId ? (Guid?)d.Id : null).FirstOrDefault(),
                          }).ToListAsync(cancellationToken);
        return rows.Select(r => new Item(r.Id, r.DossierId, r.Dossier, ApplicantNotices.Display(r.Message), r.CreatedAt, r.ReadAt)).ToList();
    }

    public Task<int> UnreadCountAsync(Guid userId, CancellationToken cancellationToken) =>
        db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, cancellationToken);

    public async Task MarkReadAsync(Guid userId, Guid notificationId, CancellationToken cancellationToken)
    {
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == notificationId && n.UserId == userId, cancellationToken)
            ?? throw new NotFoundException("Không tìm thấy thông báo.");
        notification.ReadAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task<int> MarkAllReadAsync(Guid userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
    }
}

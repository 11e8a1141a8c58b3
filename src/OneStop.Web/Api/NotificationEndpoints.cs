using OneStop.Application.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using OneStop.Infrastructure.Notifications;

namespace OneStop.Web.Api;

/// <summary>/api/v1/notifications: the signed-in user's in-app notifications (each change of their dossiers).</summary>
internal static class NotificationEndpoints
{
    public sealed record NotificationList(int Unread, IReadOnlyList<NotificationCenter.Item> Items);

    public sealed record MarkedRead(int Unread);

    public static void MapNotificationEndpoints(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/notifications").WithTags("Notifications").RequireAuthorization();
        group.MapGet("/", ListAsync).WithName("ListNotifications")
            .WithSummary("Thông báo của tôi, mới nhất trước (unread=true: chỉ thông báo chưa đọc; take: tối đa 200) và số chưa đọc.");
        group.MapPost("/{id:guid}/read", ReadAsync).WithName("MarkNotificationRead").WithSummary("Đánh dấu một thông báo là đã đọc.");
        group.MapPost("/read-all", ReadAllAsync).WithName("MarkAllNotificationsRead").WithSummary("Đánh dấu mọi thông báo là đã đọc.");
    }

    private static async Task<Ok<NotificationList>> ListAsync(ICurrentUser user, NotificationCenter center, bool? unread, int? take,
        CancellationToken cancellationToken)
    {
        var userId = user.RequireId();
        return TypedResults.Ok(new NotificationList(await center.UnreadCountAsync(userId, cancellationToken),
            await center.ListAsync(userId, unread == true, take ?? 50, cancellationToken)));
    }

    private static async Task<Ok<MarkedRead>> ReadAsync(Guid id, ICurrentUser user, NotificationCenter center, CancellationToken cancellationToken)
    {
        await center.MarkReadAsync(user.RequireId(), id, cancellationToken);
        return TypedResults.Ok(new MarkedRead(await center.UnreadCountAsync(user.RequireId(), cancellationToken)));
    }

    private static async Task<Ok<MarkedRead>> ReadAllAsync(ICurrentUser user, NotificationCenter center, CancellationToken cancellationToken)
    {
        await center.MarkAllReadAsync(user.RequireId(), cancellationToken);
        return TypedResults.Ok(new MarkedRead(0));
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Core.Common;
using OneStop.Infrastructure.Notifications;

namespace OneStop.Web.Pages.Notifications;

/// <summary>The signed-in user's notifications, unread first in colour; mark one or all read.</summary>
[Authorize]
public sealed class IndexModel(NotificationCenter center, OneStop.Application.Common.ICurrentUser user) : PageModel
{
    public IReadOnlyList<NotificationCenter.Item> Items { get; private set; } = [];
    public int Unread { get; private set; }

    private Guid UserId => OneStop.Application.Common.CurrentUserExtensions.RequireId(user);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Items = await center.ListAsync(UserId, unreadOnly: false, take: 100, cancellationToken);
        Unread = await center.UnreadCountAsync(UserId, cancellationToken);
    }

    public async Task<IActionResult> OnPostReadAsync(Guid notificationId, CancellationToken cancellationToken)
    {
        try
        {
            await center.MarkReadAsync(UserId, notificationId, cancellationToken);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken cancellationToken)
    {
        await center.MarkAllReadAsync(UserId, cancellationToken);
        return RedirectToPage();
    }
}

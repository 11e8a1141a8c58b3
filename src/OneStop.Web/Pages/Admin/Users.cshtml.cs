using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Web.Features.Admin.Users;

namespace OneStop.Web.Pages.Admin;

/// <summary>Find users and lock or unlock them; a locked account cannot sign in, on pages or through the API.</summary>
public sealed class UsersModel(UserAccounts accounts) : PageModel
{
    public IReadOnlyList<UserAccounts.Row> Users { get; private set; } = [];
    public string? Q { get; private set; }
    public string? Role { get; private set; }
    public string? Message { get; private set; }

    public Task OnGetAsync(string? q, string? role, CancellationToken cancellationToken) => LoadAsync(q, role, cancellationToken);

    public async Task OnPostLockAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await accounts.LockAsync(id, User.Identity?.Name) is { } email)
        {
            Message = $"Đã khóa tài khoản {email}.";
        }

        await LoadAsync(null, null, cancellationToken);
    }

    public async Task OnPostUnlockAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await accounts.UnlockAsync(id) is { } email)
        {
            Message = $"Đã mở khóa tài khoản {email}.";
        }

        await LoadAsync(null, null, cancellationToken);
    }

    private async Task LoadAsync(string? q, string? role, CancellationToken cancellationToken)
    {
        (Q, Role) = (q, role);
        Users = await accounts.SearchAsync(q, role, cancellationToken);
    }
}

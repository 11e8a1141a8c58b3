using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Core.Common;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Identity;

namespace OneStop.Web.Pages.Admin;

/// <summary>Find users and lock or unlock them; a locked account cannot sign in, on pages or through the API.</summary>
public sealed class UsersModel(OneStopDbContext db, UserManager<OneStopUser> users) : PageModel
{
    public sealed record Row(Guid Id, string FullName, string Email, string Role, bool Locked);

    public IReadOnlyList<Row> Users { get; private set; } = [];
    public string? Q { get; private set; }
    public string? Role { get; private set; }
    public string? Message { get; private set; }

    public Task OnGetAsync(string? q, string? role, CancellationToken cancellationToken) => LoadAsync(q, role, cancellationToken);

    public async Task OnPostLockAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is not null && user.Email != User.Identity?.Name)
        {
            await users.SetLockoutEnabledAsync(user, true);
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
            await users.UpdateSecurityStampAsync(user); // signs the user out everywhere
            Message = $"Đã khóa tài khoản {user.Email}.";
        }

        await LoadAsync(null, null, cancellationToken);
    }

    public async Task OnPostUnlockAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is not null)
        {
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            Message = $"Đã mở khóa tài khoản {user.Email}.";
        }

        await LoadAsync(null, null, cancellationToken);
    }

    private async Task LoadAsync(string? q, string? role, CancellationToken cancellationToken)
    {
        (Q, Role) = (q, role);
        var now = DateTimeOffset.UtcNow;
        var query = from u in db.Users.AsNoTracking()
                    join ur in db.UserRoles on u.Id equals ur.UserId
                    join r in db.Roles on ur.RoleId equals r.Id
                    select new { u, Role = r.Name! };
        foreach (var word in Text.Clean(q).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(6))
        {
            var pattern = SearchText.Contains(word);
            query = query.Where(x => EF.Functions.Like(SearchText.Normalize(x.u.FullName), SearchText.Normalize(pattern))
                || EF.Functions.ILike(x.u.Email!, pattern));
        }

        if (!string.IsNullOrEmpty(role))
        {
            query = query.Where(x => x.Role == role);
        }

        Users = await query.OrderBy(x => x.Role).ThenBy(x => x.u.FullName).Take(200)
            .Select(x => new Row(x.u.Id, x.u.FullName, x.u.Email!, x.Role, x.u.LockoutEnd != null && x.u.LockoutEnd > now))
            .ToListAsync(cancellationToken);
    }
}

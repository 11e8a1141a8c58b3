using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneStop.Core.Common;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Identity;

namespace OneStop.Web.Features.Admin.Users;

/// <summary>Every user account (citizens and staff): find by name or e-mail without diacritics, lock and unlock.</summary>
public sealed class UserAccounts(OneStopDbContext db, UserManager<OneStopUser> users)
{
    public sealed record Row(Guid Id, string FullName, string Email, string Role, bool Locked);

    /// <summary>The first 200 accounts matching every word of <paramref name="q"/> and the role, by role then name.</summary>
    public async Task<IReadOnlyList<Row>> SearchAsync(string? q, string? role, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow; // the clock Identity's lockout compares with
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

        return await query.OrderBy(x => x.Role).ThenBy(x => x.u.FullName).Take(200)
            .Select(x => new Row(x.u.Id, x.u.FullName, x.u.Email!, x.Role, x.u.LockoutEnd != null && x.u.LockoutEnd > now))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Locks the account for good and signs it out everywhere; returns its e-mail, or null when there is no such account
    /// or it is the administrator's own (<paramref name="by"/>).</summary>
    public async Task<string?> LockAsync(Guid id, string? by)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null || user.Email == by)
        {
            return null;
        }

        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        await users.UpdateSecurityStampAsync(user); // signs the user out everywhere
        return user.Email;
    }

    /// <summary>Lifts the lock and forgets failed sign-ins; returns the account's e-mail, or null when there is no such account.</summary>
    public async Task<string?> UnlockAsync(Guid id)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return null;
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return user.Email;
    }
}

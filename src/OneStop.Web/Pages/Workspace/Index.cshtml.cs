using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Core.Identity;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Identity;
using OneStop.Web.Features.Workspace;

namespace OneStop.Web.Pages.Workspace;

public sealed class IndexModel(UserManager<OneStopUser> users, OneStopDbContext db, OfficialContext officials, Inbox inbox) : PageModel
{
    public string FullName { get; private set; } = string.Empty;
    public string RoleNames { get; private set; } = string.Empty;
    public string AgencyName { get; private set; } = string.Empty;
    public string DepartmentName { get; private set; } = string.Empty;
    public string? Q { get; private set; }
    public string? Filter { get; private set; }
    public Inbox.Result Result { get; private set; } = new([], 0, 0, 0, 0, 1);

    public async Task<IActionResult> OnGetAsync(string? q, string? filter, int? page, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        (Q, Filter) = (q, filter is "mine" or "soon" or "overdue" ? filter : null);
        FullName = user.FullName;
        RoleNames = string.Join(", ", (await users.GetRolesAsync(user)).Select(Roles.DisplayName));
        AgencyName = await db.Agencies.Where(a => a.Id == user.AgencyId).Select(a => a.Name).SingleOrDefaultAsync(cancellationToken) ?? string.Empty;
        DepartmentName = await db.Departments.Where(d => d.Id == user.DepartmentId).Select(d => d.Name).SingleOrDefaultAsync(cancellationToken) ?? string.Empty;
        if (await officials.ActorAsync(User, cancellationToken) is { } actor)
        {
            Result = await inbox.ListAsync(actor, q, Filter, page ?? 1, cancellationToken);
        }

        return Page();
    }
}

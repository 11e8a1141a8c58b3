using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Core.Identity;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Identity;

namespace OneStop.Web.Pages.Workspace;

public sealed class IndexModel(UserManager<OneStopUser> users, OneStopDbContext db) : PageModel
{
    public string FullName { get; private set; } = string.Empty;
    public string RoleNames { get; private set; } = string.Empty;
    public string AgencyName { get; private set; } = string.Empty;
    public string DepartmentName { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        FullName = user.FullName;
        RoleNames = string.Join(", ", (await users.GetRolesAsync(user)).Select(Roles.DisplayName));
        AgencyName = await db.Agencies.Where(a => a.Id == user.AgencyId).Select(a => a.Name).SingleOrDefaultAsync(cancellationToken) ?? string.Empty;
        DepartmentName = await db.Departments.Where(d => d.Id == user.DepartmentId).Select(d => d.Name).SingleOrDefaultAsync(cancellationToken) ?? string.Empty;
        return Page();
    }
}

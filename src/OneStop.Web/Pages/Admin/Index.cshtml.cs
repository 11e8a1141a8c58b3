using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Infrastructure.Data;

namespace OneStop.Web.Pages.Admin;

public sealed class IndexModel(OneStopDbContext db) : PageModel
{
    public sealed record AgencyRow(string Code, string Name, string Identifier, int Departments, DateOnly? ClosedOn);

    public sealed record RoleCount(string Role, int Count);

    public IReadOnlyList<AgencyRow> Agencies { get; private set; } = [];
    public IReadOnlyList<RoleCount> RoleCounts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.Kind).ThenBy(a => a.Code)
            .Select(a => new AgencyRow(a.Code, a.Name, a.Identifier, db.Departments.Count(d => d.AgencyId == a.Id), a.ClosedOn))
            .ToListAsync(cancellationToken);
        RoleCounts = await db.Roles.AsNoTracking().OrderBy(r => r.Name)
            .Select(r => new RoleCount(r.Name!, db.UserRoles.Count(ur => ur.RoleId == r.Id)))
            .ToListAsync(cancellationToken);
    }
}

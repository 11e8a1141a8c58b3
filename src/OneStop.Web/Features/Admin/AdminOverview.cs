using Microsoft.EntityFrameworkCore;
using OneStop.Infrastructure.Data;

namespace OneStop.Web.Features.Admin;

/// <summary>The administration console's front page: the agencies with their department counts and the users per role.</summary>
public sealed class AdminOverview(OneStopDbContext db)
{
    public sealed record AgencyRow(string Code, string Name, string Identifier, int Departments, DateOnly? ClosedOn);

    public sealed record RoleCount(string Role, int Count);

    public async Task<IReadOnlyList<AgencyRow>> AgenciesAsync(CancellationToken cancellationToken) =>
        await db.Agencies.AsNoTracking().OrderBy(a => a.Kind).ThenBy(a => a.Code)
            .Select(a => new AgencyRow(a.Code, a.Name, a.Identifier, db.Departments.Count(d => d.AgencyId == a.Id), a.ClosedOn))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<RoleCount>> RoleCountsAsync(CancellationToken cancellationToken) =>
        await db.Roles.AsNoTracking().OrderBy(r => r.Name)
            .Select(r => new RoleCount(r.Name!, db.UserRoles.Count(ur => ur.RoleId == r.Id)))
            .ToListAsync(cancellationToken);
}

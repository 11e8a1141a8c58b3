using Microsoft.EntityFrameworkCore;
using OneStop.Infrastructure.Data;

namespace OneStop.Application.Workspace;

/// <summary>The officials a task may be given to: active users holding its role in its agency and department.</summary>
public sealed class Colleagues(OneStopDbContext db)
{
    public sealed record Colleague(Guid Id, string FullName);

    public sealed record Place(string Role, string Agency, string? Department);

    public async Task<IReadOnlyList<Colleague>> OfAsync(Place place, CancellationToken cancellationToken) =>
        (await ForAsync([place], cancellationToken)).GetValueOrDefault(place) ?? [];

    /// <summary>The colleagues of several places in one query (a dossier page with several open tasks).</summary>
    public async Task<IReadOnlyDictionary<Place, IReadOnlyList<Colleague>>> ForAsync(IReadOnlyCollection<Place> places, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(places);
        if (places.Count == 0)
        {
            return new Dictionary<Place, IReadOnlyList<Colleague>>();
        }

        var roles = places.Select(p => p.Role).Distinct().ToList();
        var agencies = places.Select(p => p.Agency).Distinct().ToList();
        var rows = await (from u in db.Users
                          join ur in db.UserRoles on u.Id equals ur.UserId
                          join r in db.Roles on ur.RoleId equals r.Id
                          join a in db.Agencies on u.AgencyId equals a.Id
                          join d in db.Departments on u.DepartmentId equals d.Id
                          where roles.Contains(r.Name!) && agencies.Contains(a.Code) && u.IsActive
                          select new { u.Id, u.FullName, Role = r.Name!, Agency = a.Code, Department = d.Code }).Distinct().ToListAsync(cancellationToken);
        return places.Distinct().ToDictionary(p => p, p => (IReadOnlyList<Colleague>)rows
            .Where(r => r.Role == p.Role && r.Agency == p.Agency && r.Department == p.Department)
            .OrderBy(r => r.FullName, StringComparer.Ordinal).Select(r => new Colleague(r.Id, r.FullName)).DistinctBy(c => c.Id).ToList());
    }
}

using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OneStop.Core.Identity;
using OneStop.Infrastructure.Data;
using OneStop.Workflows.Runtime;

namespace OneStop.Web.Features.Workspace;

/// <summary>
/// The signed-in official as the workflow engine knows them: user, role, agency code, department code, and the address the request
/// came from (after the forwarded-headers middleware), so the journal records who, when and from where.
/// </summary>
public sealed class OfficialContext(OneStopDbContext db, IHttpContextAccessor http)
{
    public async Task<WorkflowActor?> ActorAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return null;
        }

        var role = new[] { Roles.Leader, Roles.Specialist, Roles.Reception }.FirstOrDefault(user.IsInRole);
        var place = await (from u in db.Users
                           join a in db.Agencies on u.AgencyId equals a.Id
                           join d in db.Departments on u.DepartmentId equals d.Id
                           where u.Id == userId
                           select new { Agency = a.Code, Department = d.Code }).SingleOrDefaultAsync(cancellationToken);
        return role is null || place is null ? null : new WorkflowActor(userId.ToString(), role, place.Agency, place.Department, Address());
    }

    /// <summary>The client's IP address of the current request (IPv4-mapped IPv6 shown as IPv4), or null outside a request.</summary>
    public string? Address() =>
        http.HttpContext?.Connection.RemoteIpAddress is { } ip ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString() : null;
}

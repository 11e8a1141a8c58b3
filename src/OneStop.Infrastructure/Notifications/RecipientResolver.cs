using Microsoft.EntityFrameworkCore;
using OneStop.Core.Identity;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Identity;
using OneStop.Workflows.Runtime;

namespace OneStop.Infrastructure.Notifications;

/// <summary>
/// Finds the users an effect addresses: a named user, or everyone holding the role in the department of the agency.
/// A leader escalation for a department without its own leader goes to the agency's leaders.
/// </summary>
internal sealed class RecipientResolver(OneStopDbContext db)
{
    public async Task<IReadOnlyList<OneStopUser>> ResolveAsync(WorkflowEffect effect, CancellationToken cancellationToken)
    {
        if (effect.RecipientUserId is { } userId && Guid.TryParse(userId, out var id))
        {
            return await db.Users.Where(u => u.Id == id && u.IsActive).ToListAsync(cancellationToken);
        }

        if (effect.RecipientRole is null || effect.RecipientAgency is null)
        {
            return [];
        }

        var inDepartment = await UsersAsync(effect.RecipientRole, effect.RecipientAgency, effect.RecipientDepartment, cancellationToken);
        if (inDepartment.Count == 0 && effect.RecipientDepartment is not null && effect.RecipientRole == Roles.Leader)
        {
            return await UsersAsync(effect.RecipientRole, effect.RecipientAgency, null, cancellationToken);
        }

        return inDepartment;
    }

    private Task<List<OneStopUser>> UsersAsync(string role, string agency, string? department, CancellationToken cancellationToken) =>
        (from u in db.Users
         join ur in db.UserRoles on u.Id equals ur.UserId
         join r in db.Roles on ur.RoleId equals r.Id
         join a in db.Agencies on u.AgencyId equals a.Id
         join d in db.Departments on u.DepartmentId equals d.Id
         where r.Name == role && a.Code == agency && u.IsActive && (department == null || d.Code == department)
         select u).Distinct().ToListAsync(cancellationToken);
}

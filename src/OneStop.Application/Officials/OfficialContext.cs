using Microsoft.EntityFrameworkCore;
using OneStop.Application.Common;
using OneStop.Core.Identity;
using OneStop.Infrastructure.Data;
using OneStop.Workflows.Runtime;

namespace OneStop.Application.Officials;

/// <summary>
/// The signed-in official as the workflow engine knows them: user, role, agency code, department code, and the address the request
/// came from, so the journal records who, when and from where.
/// </summary>
public sealed class OfficialContext(OneStopDbContext db, ICurrentUser user)
{
    private WorkflowActor? _actor;

    /// <summary>The official, or null when the user is not an official placed in a department.</summary>
    public async Task<WorkflowActor?> ActorAsync(CancellationToken cancellationToken)
    {
        if (_actor is not null || user.Id is not { } userId)
        {
            return _actor;
        }

        var role = new[] { Roles.Leader, Roles.Specialist, Roles.Reception }.FirstOrDefault(user.IsInRole);
        var place = await (from u in db.Users
                           join a in db.Agencies on u.AgencyId equals a.Id
                           join d in db.Departments on u.DepartmentId equals d.Id
                           where u.Id == userId
                           select new { Agency = a.Code, Department = d.Code }).SingleOrDefaultAsync(cancellationToken);
        return _actor = role is null || place is null ? null : new WorkflowActor(userId.ToString(), role, place.Agency, place.Department, user.Address);
    }

    /// <summary>The official, or a refusal for anyone else.</summary>
    public async Task<WorkflowActor> RequireAsync(CancellationToken cancellationToken) =>
        await ActorAsync(cancellationToken)
        ?? throw new Core.Common.ForbiddenException("official.required", "Chỉ cán bộ tiếp nhận, chuyên viên hoặc lãnh đạo của cơ quan thực hiện thao tác này.");
}

using OneStop.Core.Common;
using OneStop.Core.Identity;
using OneStop.Workflows.Runtime;

namespace OneStop.Application.Common;

public static class CurrentUserExtensions
{
    /// <summary>The signed-in user's id; a use case reached without one is refused.</summary>
    public static Guid RequireId(this ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Id ?? throw new ForbiddenException("auth.required", "Vui lòng đăng nhập.");
    }

    /// <summary>The applicant as the workflow engine knows them.</summary>
    public static WorkflowActor AsApplicant(this ICurrentUser user) => new(user.RequireId().ToString(), Roles.Citizen, Address: user.Address);

    public static bool IsOfficial(this ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(Roles.Reception) || user.IsInRole(Roles.Specialist) || user.IsInRole(Roles.Leader);
    }
}

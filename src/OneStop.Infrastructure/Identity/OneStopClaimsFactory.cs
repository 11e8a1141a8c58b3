using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace OneStop.Infrastructure.Identity;

/// <summary>Adds the display name and the official's place in the organisation to the sign-in principal.</summary>
internal sealed class OneStopClaimsFactory(
    UserManager<OneStopUser> users, RoleManager<OneStopRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<OneStopUser, OneStopRole>(users, roles, options)
{
    public const string NameClaim = "name";
    public const string AgencyClaim = "agency";
    public const string DepartmentClaim = "department";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(OneStopUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(NameClaim, string.IsNullOrEmpty(user.FullName) ? user.Email ?? string.Empty : user.FullName));
        if (user.AgencyId is { } agency)
        {
            identity.AddClaim(new Claim(AgencyClaim, agency.ToString()));
        }

        if (user.DepartmentId is { } department)
        {
            identity.AddClaim(new Claim(DepartmentClaim, department.ToString()));
        }

        return identity;
    }
}

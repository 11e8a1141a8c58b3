using Microsoft.AspNetCore.Identity;

namespace OneStop.Infrastructure.Identity;

/// <summary>An Identity role; OneStop's roles are listed in <see cref="Core.Identity.Roles"/>.</summary>
public sealed class OneStopRole : IdentityRole<Guid>
{
    public OneStopRole()
    {
    }

    public OneStopRole(string name)
        : base(name)
    {
        Id = Guid.NewGuid();
        NormalizedName = name.ToUpperInvariant();
    }
}

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneStop.Infrastructure.Identity;

namespace OneStop.Infrastructure.Data.Configurations;

/// <summary>Identity's tables in the same snake_case style as the rest of the schema.</summary>
internal static class IdentityTablesConfiguration
{
    public static void Apply(ModelBuilder builder)
    {
        builder.Entity<OneStopUser>().ToTable("users");
        builder.Entity<OneStopRole>().ToTable("roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");
    }
}

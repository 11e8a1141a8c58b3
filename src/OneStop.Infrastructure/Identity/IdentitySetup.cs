using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Infrastructure.Data;

namespace OneStop.Infrastructure.Identity;

/// <summary>One user store for pages, API and CLI: Identity on PostgreSQL with OneStop's rules.</summary>
public static class IdentitySetup
{
    public static IdentityBuilder AddOneStopIdentity(this IServiceCollection services)
    {
        services.AddSingleton<AccountStates>();
        return services.AddIdentityCore<OneStopUser>(Configure)
            .AddUserManager<OneStopUserManager>()
            .AddRoles<OneStopRole>()
            .AddEntityFrameworkStores<OneStopDbContext>()
            .AddErrorDescriber<VietnameseIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<OneStopClaimsFactory>()
            .AddSignInManager<OneStopSignInManager>()
            .AddDefaultTokenProviders();
    }

    private static void Configure(IdentityOptions options)
    {
        options.User.RequireUniqueEmail = true;
        options.SignIn.RequireConfirmedEmail = true;
        options.Password.RequiredLength = 8;
        options.Password.RequireDigit = true;
        options.Password.RequireLowercase = true;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
    }
}

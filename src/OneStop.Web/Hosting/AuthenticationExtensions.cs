using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using OneStop.Core.Identity;

namespace OneStop.Web.Hosting;

/// <summary>Cookies for people, bearer tokens for programs, one Identity user store behind both.</summary>
internal static class AuthenticationExtensions
{
    public const string OfficialPolicy = "Official";
    public const string AdminPolicy = "Admin";
    public const string CitizenPolicy = "Citizen";
    private const string SmartScheme = "OneStop";

    public static WebApplicationBuilder AddAuthenticationAndRoles(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddAuthentication(options =>
            {
                options.DefaultScheme = SmartScheme;
                options.DefaultChallengeScheme = SmartScheme;
                options.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie or bearer", options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, options =>
            {
                // Short access tokens, refreshed against the account's security stamp (/api/v1/auth/refresh); each request is also
                // checked against the current account (AccountRevalidation).
                options.BearerTokenExpiration = TimeSpan.FromMinutes(Math.Clamp(builder.Configuration.GetValue("Security:BearerTokenMinutes", 15), 1, 60));
                options.RefreshTokenExpiration = TimeSpan.FromHours(Math.Clamp(builder.Configuration.GetValue("Security:RefreshTokenHours", 168), 1, 24 * 30));
            })
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(ConfigureCookie));

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(OfficialPolicy, policy => policy.RequireRole(Roles.Reception, Roles.Specialist, Roles.Leader))
            .AddPolicy(AdminPolicy, policy => policy.RequireRole(Roles.Admin))
            .AddPolicy(CitizenPolicy, policy => policy.RequireRole(Roles.Citizen));
        return builder;
    }

    private static void ConfigureCookie(CookieAuthenticationOptions options)
    {
        options.LoginPath = "/Account/Login";
        options.LogoutPath = "/Account/Logout";
        options.Cookie.Name = "onestop.auth";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = TimeSpan.FromHours(8);
        options.SlidingExpiration = true;
        options.Events.OnRedirectToLogin = context => Redirect(context, StatusCodes.Status401Unauthorized);
        options.Events.OnRedirectToAccessDenied = context =>
        {
            // A signed-in user without the right role gets a plain 403 (the error page renders it), not a redirect.
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
    }

    private static Task Redirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int apiStatus)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = apiStatus;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}

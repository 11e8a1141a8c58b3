using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using OneStop.Core.Identity;
using OneStop.Infrastructure.Links;
using OneStop.Web.Features.Accounts;

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
        var authentication = builder.Services
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
            });
        authentication.AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(ConfigureCookie));
        authentication.AddNationalIdentity(builder);

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(OfficialPolicy, policy => policy.RequireRole(Roles.Reception, Roles.Specialist, Roles.Leader))
            .AddPolicy(AdminPolicy, policy => policy.RequireRole(Roles.Admin))
            .AddPolicy(CitizenPolicy, policy => policy.RequireRole(Roles.Citizen));
        return builder;
    }

    /// <summary>
    /// Citizens' sign-in through the province's OpenID Connect provider, registered only when <c>NationalIdentity:Authority</c> is set:
    /// authorisation code flow with PKCE, tokens not kept (only the claims reach the short-lived external cookie), the callback on the
    /// configured public address. What happens after is <see cref="NationalIdentitySignIn"/>'s (page Account/ExternalLogin).
    /// </summary>
    private static AuthenticationBuilder AddNationalIdentity(this AuthenticationBuilder authentication, WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(NationalIdentityOptions.Section);
        builder.Services.Configure<NationalIdentityOptions>(section);
        builder.Services.AddScoped<NationalIdentitySignIn>();
        var settings = section.Get<NationalIdentityOptions>() ?? new NationalIdentityOptions();
        if (!settings.Enabled)
        {
            return authentication;
        }

        var relaxed = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing");
        return authentication.AddOpenIdConnect(NationalIdentityOptions.Scheme, settings.DisplayName, options =>
        {
            options.SignInScheme = IdentityConstants.ExternalScheme;
            options.Authority = settings.Authority;
            options.ClientId = settings.ClientId;
            options.ClientSecret = settings.ClientSecret;
            options.RequireHttpsMetadata = !relaxed || settings.RequireHttpsMetadata;
            options.ResponseType = OpenIdConnectResponseType.Code;
            // The code comes back on a top-level GET, so the correlation and nonce cookies can be SameSite=Lax like the sign-in cookie.
            options.ResponseMode = OpenIdConnectResponseMode.Query;
            options.UsePkce = true;
            options.SaveTokens = false;
            options.MapInboundClaims = false;
            options.GetClaimsFromUserInfoEndpoint = settings.UseUserInfo;
            options.CallbackPath = settings.CallbackPath;
            options.Scope.Clear();
            options.Scope.Add("openid");
            foreach (var scope in settings.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                options.Scope.Add(scope);
            }

            var claims = settings.Claims;
            options.TokenValidationParameters.NameClaimType = claims.FullName;
            foreach (var claim in new[] { claims.IdentityNumber, claims.FullName, claims.Email, claims.EmailVerified })
            {
                options.ClaimActions.MapUniqueJsonKey(claim, claim);
            }

            foreach (var cookie in new[] { options.CorrelationCookie, options.NonceCookie })
            {
                cookie.SameSite = SameSiteMode.Lax;
                cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            }

            options.Events.OnRedirectToIdentityProvider = context =>
            {
                // The provider sends the browser back to the public address, never to the Host this request named.
                context.ProtocolMessage.RedirectUri = context.HttpContext.RequestServices.GetRequiredService<PublicLinks>().To(settings.CallbackPath);
                return Task.CompletedTask;
            };
            options.Events.OnTokenValidated = context =>
            {
                // Identity binds the login by the name identifier; a provider whose subject is not "sub" names its claim in configuration.
                if (claims.Subject != "sub" && context.Principal?.Identity is System.Security.Claims.ClaimsIdentity identity
                    && identity.FindFirst(claims.Subject)?.Value is { Length: > 0 } subject)
                {
                    identity.AddClaim(new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, subject));
                }

                return Task.CompletedTask;
            };
            options.Events.OnRemoteFailure = context =>
            {
                // A refused, cancelled or forged callback ends on the sign-in page with a Vietnamese message, not an error page.
                context.Response.Redirect("/Account/ExternalLogin?handler=Failed");
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
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

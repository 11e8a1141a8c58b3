using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OneStop.Infrastructure.Identity;

namespace OneStop.Web.Security;

/// <summary>
/// Authority is checked against the current account on every request: a cookie or bearer token whose security stamp, roles or place
/// no longer match the account (deactivated, moved, role changed, password or two-factor changed) is treated as no sign-in at all —
/// the pages send to the sign-in page, the API answers 401 — and the stale cookie is removed.
/// </summary>
internal static class AccountRevalidation
{
    public static IApplicationBuilder UseAccountRevalidation(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated == true
                && !await context.RequestServices.GetRequiredService<AccountStates>().IsCurrentAsync(context.User, context.RequestAborted))
            {
                if (!context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
                {
                    await context.SignOutAsync(IdentityConstants.ApplicationScheme);
                }

                // Replacing the user also drops the authentication result the authorization middleware would otherwise reuse.
                context.User = new ClaimsPrincipal(new ClaimsIdentity());
            }

            await next(context);
        });
}

using System.Security.Claims;
using OneStop.Core.Identity;
using OneStop.Infrastructure.Identity;

namespace OneStop.Web.Security;

/// <summary>
/// Administrators and leaders use two-factor sign-in: until they have enrolled an authenticator, every page sends them to
/// /Account/Manage/TwoFactor and the API answers 403 — at their first sign-in and again after a reset. A deliberate demonstration
/// (<see cref="DemoMode"/>) does not force it, and its banner says so.
/// </summary>
internal static class TwoFactorEnrolment
{
    public const string EnrolPath = "/Account/Manage/TwoFactor";

    private static readonly string[] Open = [EnrolPath, "/Account/Logout", "/Error", "/culture", "/health", "/css", "/js", "/lib", "/favicon.svg"];

    public static bool Required(ClaimsPrincipal user) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Leader);

    public static IApplicationBuilder UseTwoFactorEnrolment(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated == true && Required(context.User)
                && !context.RequestServices.GetRequiredService<DemoMode>().Enabled
                && !Open.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
                && Guid.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
                && await context.RequestServices.GetRequiredService<AccountStates>().GetAsync(userId, context.RequestAborted) is { TwoFactorEnabled: false })
            {
                if (context.Request.Path.StartsWithSegments("/api"))
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                    {
                        HttpContext = context,
                        ProblemDetails =
                        {
                            Status = StatusCodes.Status403Forbidden,
                            Title = "Cần bật xác thực hai lớp",
                            Detail = "Tài khoản quản trị và lãnh đạo phải bật xác thực hai lớp (" + EnrolPath + ") trước khi dùng hệ thống.",
                            Type = "https://onestop.vn/errors/two_factor.enrolment_required",
                        },
                    });
                    return;
                }

                context.Response.Redirect(EnrolPath + "?returnUrl=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString));
                return;
            }

            await next(context);
        });
}

using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Options;
using OneStop.Infrastructure.Identity;
using OneStop.Web.Features.Accounts;
using OneStop.Web.Security;

namespace OneStop.Web.Api;

/// <summary>/api/v1/auth: bearer tokens for the same users who sign in to the pages.</summary>
internal static class AuthEndpoints
{
    public static void MapAuthEndpoints(this RouteGroupBuilder v1)
    {
        var auth = v1.MapGroup("/auth").WithTags("Auth").AllowAnonymous();
        auth.MapPost("/login", LoginAsync).RequireRateLimiting(RateLimits.SignIn).WithName("Login")
            .WithSummary("Đăng nhập, nhận bearer token (15 phút) và refresh token.");
        auth.MapPost("/refresh", RefreshAsync).RequireRateLimiting(RateLimits.SignIn).WithName("RefreshToken")
            .WithSummary("Đổi refresh token lấy token mới (tài khoản được kiểm tra lại).");
        auth.MapPost("/register", RegisterAsync).RequireRateLimiting(RateLimits.AccountMail).WithName("RegisterCitizen")
            .WithSummary("Đăng ký tài khoản công dân; trả lời như nhau dù e-mail đã có tài khoản hay chưa (chủ e-mail được báo qua thư).");
        auth.MapPost("/resend-confirmation", ResendConfirmationAsync).RequireRateLimiting(RateLimits.AccountMail).WithName("ResendConfirmation")
            .WithSummary("Gửi lại thư xác nhận e-mail; trả lời như nhau dù e-mail có tài khoản hay không.");
        v1.MapGet("/me", MeAsync).WithTags("Auth").RequireAuthorization().WithName("Me").WithSummary("Thông tin người dùng hiện tại.");
    }

    public sealed record LoginRequest(string Email, string Password, string? TwoFactorCode);

    public sealed record RefreshRequest(string RefreshToken);

    public sealed record RegisteredResponse(string Email, string Message);

    public sealed record ResendConfirmationRequest(string Email);

    public sealed record MeResponse(Guid Id, string Email, string FullName, IReadOnlyList<string> Roles, Guid? AgencyId, Guid? DepartmentId);

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> LoginAsync(LoginRequest request, SignInManager<OneStopUser> signIn,
        PasswordSignIn passwords, HttpContext context)
    {
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var outcome = await passwords.SignInAsync(request.Email ?? string.Empty, request.Password ?? string.Empty, persistent: false, request.TwoFactorCode);
        if (outcome.Wait is { } wait)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(PasswordSignIn.WaitMessage(wait), statusCode: StatusCodes.Status429TooManyRequests,
                title: "Quá nhiều yêu cầu", type: "https://onestop.vn/errors/rate_limited");
        }

        var result = outcome.Result;
        if (result.Succeeded)
        {
            return TypedResults.Empty; // the bearer handler has written the token response
        }

        // Only someone who gave the right password hears about confirmation, a second factor or a lock.
        return Unauthorized(result switch
        {
            { IsLockedOut: true } => PasswordSignIn.LockedOut,
            { IsNotAllowed: true } => "Tài khoản chưa xác nhận e-mail.",
            { RequiresTwoFactor: true } => "Cần mã xác thực hai lớp (twoFactorCode).",
            _ => PasswordSignIn.WrongCredentials,
        });
    }

    private static async Task<Results<Ok<AccessTokenResponse>, UnauthorizedHttpResult, SignInHttpResult, ChallengeHttpResult>> RefreshAsync(
        RefreshRequest request, SignInManager<OneStopUser> signIn, IOptionsMonitor<BearerTokenOptions> options, TimeProvider clock)
    {
        var protector = options.Get(IdentityConstants.BearerScheme).RefreshTokenProtector;
        var ticket = string.IsNullOrEmpty(request.RefreshToken) ? null : protector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { IsActive: true } user)
        {
            return TypedResults.Challenge();
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static async Task<Accepted<RegisteredResponse>> RegisterAsync(RegisterCitizen request, AccountService accounts, CancellationToken cancellationToken)
    {
        await accounts.RegisterAsync(request, cancellationToken);
        return TypedResults.Accepted((string?)null, new RegisteredResponse(request.Email.Trim(),
            "Đã nhận đăng ký. Vui lòng mở thư đã gửi tới e-mail của bạn để xác nhận trước khi đăng nhập."));
    }

    private static async Task<Accepted<RegisteredResponse>> ResendConfirmationAsync(ResendConfirmationRequest request, AccountService accounts,
        CancellationToken cancellationToken)
    {
        await accounts.ResendConfirmationAsync(request.Email ?? string.Empty, cancellationToken);
        return TypedResults.Accepted((string?)null, new RegisteredResponse(request.Email?.Trim() ?? string.Empty,
            "Nếu e-mail này có tài khoản chưa xác nhận, thư xác nhận đã được gửi lại."));
    }

    private static async Task<Results<Ok<MeResponse>, UnauthorizedHttpResult>> MeAsync(ClaimsPrincipal principal, UserManager<OneStopUser> users)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            return TypedResults.Unauthorized();
        }

        var roles = await users.GetRolesAsync(user);
        return TypedResults.Ok(new MeResponse(user.Id, user.Email!, user.FullName, roles.ToList(), user.AgencyId, user.DepartmentId));
    }

    private static ProblemHttpResult Unauthorized(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Đăng nhập không thành công",
            type: "https://onestop.vn/errors/auth.failed");
}

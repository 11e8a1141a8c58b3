using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Options;
using OneStop.Infrastructure.Identity;
using OneStop.Web.Features.Accounts;

namespace OneStop.Web.Api;

/// <summary>/api/v1/auth: bearer tokens for the same users who sign in to the pages.</summary>
internal static class AuthEndpoints
{
    public static void MapAuthEndpoints(this RouteGroupBuilder v1)
    {
        var auth = v1.MapGroup("/auth").WithTags("Auth").AllowAnonymous();
        auth.MapPost("/login", LoginAsync).WithName("Login").WithSummary("Đăng nhập, nhận bearer token.");
        auth.MapPost("/refresh", RefreshAsync).WithName("RefreshToken").WithSummary("Đổi refresh token lấy token mới.");
        auth.MapPost("/register", RegisterAsync).WithName("RegisterCitizen").WithSummary("Đăng ký tài khoản công dân.");
        v1.MapGet("/me", MeAsync).WithTags("Auth").RequireAuthorization().WithName("Me").WithSummary("Thông tin người dùng hiện tại.");
    }

    public sealed record LoginRequest(string Email, string Password, string? TwoFactorCode);

    public sealed record RefreshRequest(string RefreshToken);

    public sealed record RegisteredResponse(Guid Id, string Email, string Message);

    public sealed record MeResponse(Guid Id, string Email, string FullName, IReadOnlyList<string> Roles, Guid? AgencyId, Guid? DepartmentId);

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> LoginAsync(LoginRequest request, SignInManager<OneStopUser> signIn)
    {
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var user = await signIn.UserManager.FindByEmailAsync(request.Email?.Trim() ?? string.Empty);
        if (user is null || !user.IsActive)
        {
            return Unauthorized("E-mail hoặc mật khẩu không đúng.");
        }

        var result = await signIn.PasswordSignInAsync(user, request.Password ?? string.Empty, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor && !string.IsNullOrEmpty(request.TwoFactorCode))
        {
            result = await signIn.TwoFactorAuthenticatorSignInAsync(request.TwoFactorCode, false, rememberClient: false);
        }

        if (result.Succeeded)
        {
            return TypedResults.Empty; // the bearer handler has written the token response
        }

        return Unauthorized(result switch
        {
            { IsLockedOut: true } => "Tài khoản tạm thời bị khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau 15 phút.",
            { IsNotAllowed: true } => "Tài khoản chưa xác nhận e-mail.",
            { RequiresTwoFactor: true } => "Cần mã xác thực hai lớp (twoFactorCode).",
            _ => "E-mail hoặc mật khẩu không đúng.",
        });
    }

    private static async Task<Results<Ok<AccessTokenResponse>, UnauthorizedHttpResult, SignInHttpResult, ChallengeHttpResult>> RefreshAsync(
        RefreshRequest request, SignInManager<OneStopUser> signIn, IOptionsMonitor<BearerTokenOptions> options, TimeProvider clock)
    {
        var protector = options.Get(IdentityConstants.BearerScheme).RefreshTokenProtector;
        var ticket = protector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { IsActive: true } user)
        {
            return TypedResults.Challenge();
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static async Task<Created<RegisteredResponse>> RegisterAsync(RegisterCitizen request, AccountService accounts, CancellationToken cancellationToken)
    {
        var user = await accounts.RegisterAsync(request, cancellationToken);
        return TypedResults.Created("/api/v1/me", new RegisteredResponse(user.Id, user.Email!,
            "Đã tạo tài khoản. Vui lòng mở thư xác nhận đã gửi tới e-mail của bạn trước khi đăng nhập."));
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

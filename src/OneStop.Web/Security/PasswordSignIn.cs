using Microsoft.AspNetCore.Identity;
using OneStop.Infrastructure.Identity;

namespace OneStop.Web.Security;

/// <summary>
/// Sign-in with a password, for the pages and the API alike, without telling strangers anything: the password is checked first,
/// the same way (and with the same work) whether the account exists, is inactive or unconfirmed; only someone who gave the right
/// password learns that the e-mail is unconfirmed, a second factor is needed or the account is locked. Failures slow the client
/// down for that account (<see cref="SignInThrottle"/>) and never lock the account.
/// </summary>
public sealed class PasswordSignIn(OneStopSignInManager signIn, SignInThrottle throttle, IHttpContextAccessor http)
{
    private static readonly Lazy<string> DummyHash = new(() =>
        new PasswordHasher<OneStopUser>().HashPassword(new OneStopUser(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24))));

    /// <summary>How a sign-in ended; <see cref="Wait"/> is set when this client must wait before trying this account again.</summary>
    public sealed record Outcome(SignInResult Result, TimeSpan? Wait = null)
    {
        public bool Throttled => Wait is not null;
    }

    public async Task<Outcome> SignInAsync(string email, string password, bool persistent, string? twoFactorCode = null)
    {
        var account = (email ?? string.Empty).Trim();
        var client = ClientAddress.Of(http.HttpContext ?? throw new InvalidOperationException("Sign-in happens during a request."));
        if (throttle.Wait(account, client) is { } wait)
        {
            return new Outcome(SignInResult.Failed, wait);
        }

        var user = account.Length == 0 ? null : await signIn.UserManager.FindByEmailAsync(account);
        if (user is null || !user.IsActive)
        {
            signIn.UserManager.PasswordHasher.VerifyHashedPassword(new OneStopUser(), DummyHash.Value, password ?? string.Empty);
            return Failed(account, client);
        }

        if (!await signIn.UserManager.CheckPasswordAsync(user, password ?? string.Empty))
        {
            return Failed(account, client);
        }

        // The password was checked just above: Identity's PasswordSignInAsync would derive its hash a second time.
        var result = await signIn.SignInWithCheckedPasswordAsync(user, persistent);
        if (result.RequiresTwoFactor && !string.IsNullOrEmpty(twoFactorCode))
        {
            result = await signIn.TwoFactorAuthenticatorSignInAsync(Digits(twoFactorCode), persistent, rememberClient: false);
            if (!result.Succeeded)
            {
                return Failed(account, client, result);
            }
        }

        throttle.Succeeded(account, client);
        return new Outcome(result);
    }

    /// <summary>The second step of a page sign-in: the code of the account whose password was just given.</summary>
    public async Task<Outcome> SecondFactorAsync(string code, bool persistent)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        var client = ClientAddress.Of(http.HttpContext!);
        var account = user?.Email ?? string.Empty;
        if (throttle.Wait(account, client) is { } wait)
        {
            return new Outcome(SignInResult.Failed, wait);
        }

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(Digits(code), persistent, rememberClient: false);
        if (result.Succeeded)
        {
            throttle.Succeeded(account, client);
            return new Outcome(result);
        }

        return Failed(account, client, result);
    }

    private Outcome Failed(string account, string client, SignInResult? result = null)
    {
        throttle.Failed(account, client);
        return new Outcome(result ?? SignInResult.Failed);
    }

    private static string Digits(string code) =>
        code.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);

    /// <summary>What a person is told when their address must wait.</summary>
    public static string WaitMessage(TimeSpan wait) =>
        $"Đăng nhập sai nhiều lần từ địa chỉ này. Vui lòng thử lại sau {Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))} giây.";

    public const string WrongCredentials = "E-mail hoặc mật khẩu không đúng.";

    public const string LockedOut = "Tài khoản tạm thời bị khóa do nhập sai mã xác thực nhiều lần. Vui lòng thử lại sau 15 phút.";
}

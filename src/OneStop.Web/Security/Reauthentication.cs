using Microsoft.AspNetCore.Identity;
using OneStop.Infrastructure.Identity;

namespace OneStop.Web.Security;

/// <summary>Asks a signed-in person to prove it is still them (current password, or a current authenticator code) before a sensitive change.</summary>
public sealed class Reauthentication(UserManager<OneStopUser> users)
{
    public const string Refused = "Vui lòng nhập mật khẩu hiện tại hoặc mã xác thực hiện tại để xác nhận thao tác này.";

    public async Task<bool> ConfirmAsync(OneStopUser user, string? currentPassword, string? code)
    {
        if (!string.IsNullOrEmpty(currentPassword) && await users.CheckPasswordAsync(user, currentPassword))
        {
            return true;
        }

        var digits = (code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        return digits.Length == 6 && user.TwoFactorEnabled
            && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits);
    }
}

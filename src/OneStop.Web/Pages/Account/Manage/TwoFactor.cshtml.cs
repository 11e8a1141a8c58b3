using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Infrastructure.Identity;
using OneStop.Web.Security;
using QRCoder;

namespace OneStop.Web.Pages.Account.Manage;

/// <summary>
/// Two-factor sign-in (TOTP): enrol with an authenticator app; turning it off or starting again with a new key needs the current
/// password or a current code. Administrators and leaders are sent here until they have enrolled.
/// </summary>
public sealed class TwoFactorModel(UserManager<OneStopUser> users, SignInManager<OneStopUser> signIn, Reauthentication reauthentication, DemoMode demo)
    : PageModel
{
    public bool Enabled { get; private set; }
    public bool Mandatory { get; private set; }
    public string SharedKey { get; private set; } = string.Empty;
    public string QrSvg { get; private set; } = string.Empty;
    [BindProperty] public string Code { get; set; } = string.Empty;
    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        return user is null ? Challenge() : await ShowAsync(user);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var code = Code.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), "Mã xác thực không đúng.");
            return await ShowAsync(user);
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        await signIn.RefreshSignInAsync(user); // the stamp changed: the session follows it
        Message = "Đã bật xác thực hai lớp.";
        return ReturnUrl is { Length: > 0 } ? LocalRedirect(LoginModel.SafeReturnUrl(ReturnUrl)) : RedirectToPage();
    }

    /// <summary>Turns two-factor off and forgets the key (an administrator or leader must then enrol again, with a new key).</summary>
    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!await reauthentication.ConfirmAsync(user, CurrentPassword, Code))
        {
            ModelState.AddModelError(string.Empty, Reauthentication.Refused);
            return await ShowAsync(user);
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        Message = "Đã tắt xác thực hai lớp và hủy khóa cũ.";
        return RedirectToPage();
    }

    private async Task<IActionResult> ShowAsync(OneStopUser user)
    {
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        Mandatory = TwoFactorEnrolment.Required(User) && !demo.Enabled;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user); // a new key changes the security stamp
            key = await users.GetAuthenticatorKeyAsync(user) ?? string.Empty;
        }

        SharedKey = key;
        var uri = $"otpauth://totp/OneStop:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer=OneStop&digits=6";
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        QrSvg = new SvgQRCode(data).GetGraphic(4);
        return Page();
    }
}

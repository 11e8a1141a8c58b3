using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Infrastructure.Identity;
using QRCoder;

namespace OneStop.Web.Pages.Account.Manage;

public sealed class TwoFactorModel(UserManager<OneStopUser> users, SignInManager<OneStopUser> signIn) : PageModel
{
    public bool Enabled { get; private set; }
    public string SharedKey { get; private set; } = string.Empty;
    public string QrSvg { get; private set; } = string.Empty;
    [BindProperty] public string Code { get; set; } = string.Empty;

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
        await signIn.RefreshSignInAsync(user);
        return await ShowAsync(user);
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        return await ShowAsync(user);
    }

    private async Task<IActionResult> ShowAsync(OneStopUser user)
    {
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? string.Empty;
        }

        SharedKey = key;
        var uri = $"otpauth://totp/OneStop:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer=OneStop&digits=6";
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        QrSvg = new SvgQRCode(data).GetGraphic(4);
        return Page();
    }
}

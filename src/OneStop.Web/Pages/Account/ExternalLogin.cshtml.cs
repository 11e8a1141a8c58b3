using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using OneStop.Web.Features.Accounts;
using OneStop.Web.Security;

namespace OneStop.Web.Pages.Account;

/// <summary>
/// Sign-in through the national identity provider: the post sends the browser to the provider, the callback signs the citizen in (or
/// says why not), and without an e-mail the provider vouches for the person gives one and confirms it from a mail.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class ExternalLoginModel(NationalIdentitySignIn nationalIdentity, IOptions<NationalIdentityOptions> options) : PageModel
{
    public string? Message { get; private set; }

    public bool AskEmail { get; private set; }

    public bool EmailSent { get; private set; }

    [BindProperty]
    public string? Email { get; set; }

    public string DisplayName => options.Value.DisplayName;

    public void OnGet()
    {
        if (!options.Value.Enabled)
        {
            Message = "Đăng nhập bằng định danh điện tử chưa được cấu hình. Vui lòng đăng nhập bằng e-mail và mật khẩu.";
        }
    }

    public IActionResult OnPost()
    {
        if (!options.Value.Enabled)
        {
            return NotFound();
        }

        return Challenge(nationalIdentity.ChallengeProperties("/Account/ExternalLogin?handler=Callback"), NationalIdentityOptions.Scheme);
    }

    public void OnGetFailed() => Message = NationalIdentitySignIn.Unavailable;

    public async Task<IActionResult> OnGetCallbackAsync(CancellationToken cancellationToken)
    {
        var (info, identity) = await nationalIdentity.CurrentAsync();
        if (info is null)
        {
            Message = NationalIdentitySignIn.Unavailable;
            return Page();
        }

        if (identity is null)
        {
            Message = NationalIdentitySignIn.NoIdentityNumber;
            return Page();
        }

        switch (await nationalIdentity.SignInAsync(identity, cancellationToken))
        {
            case NationalIdentityOutcome.SignedIn:
                return LocalRedirect("/");
            case NationalIdentityOutcome.Refused refused:
                await nationalIdentity.ForgetAsync();
                Message = refused.Message;
                return Page();
            case NationalIdentityOutcome.NeedsEmail needs:
                AskEmail = true;
                Email = needs.Suggested;
                return Page();
            default:
                throw new InvalidOperationException("Unknown outcome.");
        }
    }

    public async Task<IActionResult> OnPostEmailAsync(CancellationToken cancellationToken)
    {
        var (_, identity) = await nationalIdentity.CurrentAsync();
        if (identity is null)
        {
            Message = NationalIdentitySignIn.Unavailable;
            return Page();
        }

        var address = Email?.Trim();
        if (string.IsNullOrEmpty(address) || !new EmailAddressAttribute().IsValid(address) || address.Length > 256)
        {
            AskEmail = true;
            ModelState.AddModelError(nameof(Email), "E-mail: không đúng định dạng.");
            return Page();
        }

        await nationalIdentity.SendLinkAsync(identity, address, cancellationToken);
        await nationalIdentity.ForgetAsync();
        EmailSent = true;
        return Page();
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using OneStop.Web.Features.Accounts;
using OneStop.Web.Security;

namespace OneStop.Web.Pages.Account;

/// <summary>The mailed link that proves the e-mail address and binds the national identity to its account (or creates the account).</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.AccountMail)]
public sealed class ConfirmExternalLoginModel(NationalIdentitySignIn nationalIdentity) : PageModel
{
    public string? Refusal { get; private set; }

    public async Task OnGetAsync(string? code, CancellationToken cancellationToken) =>
        Refusal = string.IsNullOrEmpty(code) ? NationalIdentitySignIn.LinkInvalid : await nationalIdentity.ConfirmLinkAsync(code, cancellationToken);
}

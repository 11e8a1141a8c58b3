using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Web.Features.Accounts;

using OneStop.Web.Security;

namespace OneStop.Web.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(RateLimits.AccountMail)]
public sealed class ForgotPasswordModel(AccountService accounts) : PageModel
{
    [BindProperty]
    public string Email { get; set; } = string.Empty;

    public bool Sent { get; private set; }

    public async Task OnPostAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(Email))
        {
            await accounts.RequestPasswordResetAsync(Email, cancellationToken);
        }

        Sent = true;
    }
}

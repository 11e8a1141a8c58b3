using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Web.Features.Accounts;
using OneStop.Web.Security;

namespace OneStop.Web.Pages.Account;

/// <summary>Sends the confirmation mail again; the answer is the same whether or not the address has an unconfirmed account.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.AccountMail)]
public sealed class ResendConfirmationModel(AccountService accounts) : PageModel
{
    [BindProperty]
    public string Email { get; set; } = string.Empty;

    public bool Sent { get; private set; }

    public async Task OnPostAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(Email))
        {
            await accounts.ResendConfirmationAsync(Email, cancellationToken);
        }

        Sent = true;
    }
}

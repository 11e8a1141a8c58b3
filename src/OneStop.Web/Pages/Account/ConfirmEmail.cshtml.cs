using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Web.Features.Accounts;

using OneStop.Web.Security;

namespace OneStop.Web.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(RateLimits.AccountMail)]
public sealed class ConfirmEmailModel(AccountService accounts) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(Guid userId, string? code) =>
        Confirmed = code is not null && await accounts.ConfirmAsync(userId, code);
}

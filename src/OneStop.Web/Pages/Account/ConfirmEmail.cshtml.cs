using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Web.Features.Accounts;

namespace OneStop.Web.Pages.Account;

[AllowAnonymous]
public sealed class ConfirmEmailModel(AccountService accounts) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(Guid userId, string? code) =>
        Confirmed = code is not null && await accounts.ConfirmAsync(userId, code);
}

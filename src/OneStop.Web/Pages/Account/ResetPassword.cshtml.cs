using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Web.Features.Accounts;

using OneStop.Web.Security;

namespace OneStop.Web.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(RateLimits.AccountMail)]
public sealed class ResetPasswordModel(AccountService accounts) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Email { get; set; } = string.Empty;
    [BindProperty(SupportsGet = true)] public string Code { get; set; } = string.Empty;
    [BindProperty] public string Password { get; set; } = string.Empty;

    public bool Done { get; private set; }

    public async Task OnPostAsync()
    {
        var result = await accounts.ResetPasswordAsync(Email, Code, Password);
        Done = result.Succeeded;
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(string.Empty, error.Description);
        }
    }
}

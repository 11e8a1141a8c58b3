using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Infrastructure.Identity;

namespace OneStop.Web.Pages.Account;

[AllowAnonymous]
public sealed class LogoutModel(SignInManager<OneStopUser> signIn) : PageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Page();
    }
}

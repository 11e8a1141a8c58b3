using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using OneStop.Infrastructure.Identity;
using OneStop.Web.Security;

namespace OneStop.Web.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class LoginWith2faModel(SignInManager<OneStopUser> signIn, PasswordSignIn passwords) : PageModel
{
    [BindProperty]
    public string Code { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("./Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = await passwords.SecondFactorAsync(Code, RememberMe);
        if (outcome.Wait is { } wait)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            ModelState.AddModelError(string.Empty, PasswordSignIn.WaitMessage(wait));
            return Page();
        }

        if (outcome.Result.Succeeded)
        {
            return LocalRedirect(LoginModel.SafeReturnUrl(ReturnUrl));
        }

        ModelState.AddModelError(string.Empty, outcome.Result.IsLockedOut ? PasswordSignIn.LockedOut : "Mã xác thực không đúng.");
        return Page();
    }
}

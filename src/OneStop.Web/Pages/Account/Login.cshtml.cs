using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Web.Security;

namespace OneStop.Web.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class LoginModel(PasswordSignIn signIn) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "E-mail: bắt buộc nhập.")]
        public string Email { get; set; } = string.Empty;

        [Required(ErrorMessage = "Mật khẩu: bắt buộc nhập.")]
        public string Password { get; set; } = string.Empty;

        public bool RememberMe { get; set; }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await signIn.SignInAsync(Input.Email, Input.Password, Input.RememberMe);
        if (outcome.Wait is { } wait)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            ModelState.AddModelError(string.Empty, PasswordSignIn.WaitMessage(wait));
            return Page();
        }

        var result = outcome.Result;
        if (result.Succeeded)
        {
            return LocalRedirect(SafeReturnUrl(ReturnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("./LoginWith2fa", new { ReturnUrl, Input.RememberMe });
        }

        // Only someone who gave the right password hears about confirmation or a lock.
        ModelState.AddModelError(string.Empty, result switch
        {
            { IsLockedOut: true } => PasswordSignIn.LockedOut,
            { IsNotAllowed: true } => "Tài khoản chưa xác nhận e-mail. Vui lòng mở thư xác nhận đã gửi tới e-mail của bạn (hoặc gửi lại thư xác nhận).",
            _ => PasswordSignIn.WrongCredentials,
        });
        return Page();
    }

    internal static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}

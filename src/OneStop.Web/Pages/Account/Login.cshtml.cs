using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Infrastructure.Identity;

namespace OneStop.Web.Pages.Account;

[AllowAnonymous]
public sealed class LoginModel(SignInManager<OneStopUser> signIn) : PageModel
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

        var user = await signIn.UserManager.FindByEmailAsync(Input.Email.Trim());
        if (user is null || !user.IsActive)
        {
            ModelState.AddModelError(string.Empty, "E-mail hoặc mật khẩu không đúng.");
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(SafeReturnUrl(ReturnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("./LoginWith2fa", new { ReturnUrl, Input.RememberMe });
        }

        ModelState.AddModelError(string.Empty, result switch
        {
            { IsLockedOut: true } => "Tài khoản tạm thời bị khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau 15 phút hoặc đặt lại mật khẩu.",
            { IsNotAllowed: true } => "Tài khoản chưa xác nhận e-mail. Vui lòng mở thư xác nhận đã gửi tới e-mail của bạn.",
            _ => "E-mail hoặc mật khẩu không đúng.",
        });
        return Page();
    }

    internal static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}

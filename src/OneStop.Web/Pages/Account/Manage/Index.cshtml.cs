using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Core.Common;
using OneStop.Infrastructure.Identity;

namespace OneStop.Web.Pages.Account.Manage;

public sealed class IndexModel(UserManager<OneStopUser> users, SignInManager<OneStopUser> signIn) : PageModel
{
    public string Email { get; private set; } = string.Empty;
    [BindProperty] public string FullName { get; set; } = string.Empty;
    [BindProperty] public string? IdNumber { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? Address { get; set; }
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        (Email, FullName, IdNumber, Phone, Address) = (user.Email ?? string.Empty, user.FullName, user.IdNumber, user.PhoneNumber, user.Address);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        Email = user.Email ?? string.Empty;
        if (string.IsNullOrWhiteSpace(FullName))
        {
            ModelState.AddModelError(nameof(FullName), "Họ và tên: bắt buộc nhập.");
        }

        if (!string.IsNullOrWhiteSpace(IdNumber) && !VietnameseFormats.IsIdNumber(IdNumber))
        {
            ModelState.AddModelError(nameof(IdNumber), "Số CCCD/CMND: phải gồm 12 hoặc 9 chữ số.");
        }

        var phone = VietnameseFormats.NormalizePhone(Phone);
        if (!string.IsNullOrWhiteSpace(Phone) && phone is null)
        {
            ModelState.AddModelError(nameof(Phone), "Số điện thoại: phải gồm 10 chữ số, bắt đầu bằng 0.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        user.FullName = Text.Clean(FullName);
        user.IdNumber = Text.CleanOrNull(IdNumber);
        user.PhoneNumber = phone;
        user.Address = Text.CleanOrNull(Address);
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        Saved = true;
        return Page();
    }
}

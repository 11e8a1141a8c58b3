using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Core.Common;
using OneStop.Web.Features.Accounts;

using OneStop.Web.Security;

namespace OneStop.Web.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(RateLimits.AccountMail)]
public sealed class RegisterModel(AccountService accounts) : PageModel
{
    [BindProperty] public string FullName { get; set; } = string.Empty;
    [BindProperty] public string IdNumber { get; set; } = string.Empty;
    [BindProperty] public string Phone { get; set; } = string.Empty;
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public string Email { get; set; } = string.Empty;
    [BindProperty] public string Password { get; set; } = string.Empty;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            await accounts.RegisterAsync(new RegisterCitizen(Email, Password, FullName, IdNumber, Phone, Address), cancellationToken);
            return RedirectToPage("./RegisterConfirmation", new { email = Email.Trim() });
        }
        catch (ValidationException ex)
        {
            foreach (var error in ex.Errors)
            {
                ModelState.AddModelError(error.PropertyName, error.ErrorMessage);
            }
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
        }

        return Page();
    }
}

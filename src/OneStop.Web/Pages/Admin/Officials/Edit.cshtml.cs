using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Core.Common;
using OneStop.Infrastructure.Identity;
using OneStop.Web.Features.Admin.Officials;

namespace OneStop.Web.Pages.Admin.Officials;

/// <summary>One official: role and place, deactivation, two-factor reset, a new invitation.</summary>
public sealed class EditModel(OfficialAdmin officials, Security.Reauthentication reauthentication,
    Microsoft.AspNetCore.Identity.UserManager<OneStopUser> users) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? Message { get; set; }
    [BindProperty] public OfficialInput Input { get; set; } = new();

    public OneStopUser Official { get; private set; } = null!;
    public string Role { get; private set; } = string.Empty;
    public PlaceFields Place { get; private set; } = new(new(), [], []);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(false, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostAssignAsync(CancellationToken cancellationToken) =>
        RunAsync(() => officials.AssignAsync(Id, Input, User.Identity?.Name, cancellationToken), "Đã lưu vai trò và nơi công tác.", cancellationToken);

    public Task<IActionResult> OnPostDeactivateAsync(CancellationToken cancellationToken) =>
        RunAsync(() => officials.DeactivateAsync(Id, User.Identity?.Name, cancellationToken),
            "Đã vô hiệu hóa tài khoản; các công việc đang giao cho cán bộ này được đánh dấu để lãnh đạo phân công lại.", cancellationToken);

    public Task<IActionResult> OnPostReactivateAsync(CancellationToken cancellationToken) =>
        RunAsync(() => officials.ReactivateAsync(Id, cancellationToken), "Đã kích hoạt lại tài khoản.", cancellationToken);

    /// <summary>Resetting someone's second factor is confirmed with the administrator's own current password or code.</summary>
    public Task<IActionResult> OnPostResetTwoFactorAsync(string? currentPassword, string? code, CancellationToken cancellationToken) =>
        RunAsync(async () =>
        {
            if (await users.GetUserAsync(User) is not { } admin || !await reauthentication.ConfirmAsync(admin, currentPassword, code))
            {
                throw new DomainException("official.reauthenticate", Security.Reauthentication.Refused);
            }

            await officials.ResetTwoFactorAsync(Id, cancellationToken);
        }, "Đã tắt xác thực hai bước; cán bộ có thể thiết lập lại.", cancellationToken);

    public Task<IActionResult> OnPostResendAsync(CancellationToken cancellationToken) =>
        RunAsync(async () => await officials.SendInviteAsync(Official, cancellationToken), "Đã gửi lại thư mời.", cancellationToken);

    private async Task<IActionResult> RunAsync(Func<Task> change, string done, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(true, cancellationToken))
        {
            return NotFound();
        }

        try
        {
            await change();
            return RedirectToPage(new { id = Id, message = done });
        }
        catch (DomainException ex) when (ex is not NotFoundException)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            await LoadAsync(true, cancellationToken);
            return Page();
        }
    }

    private async Task<bool> LoadAsync(bool keepInput, CancellationToken cancellationToken)
    {
        if (await officials.FindAsync(Id, cancellationToken) is not { } found)
        {
            return false;
        }

        (Official, Role) = found;
        if (!keepInput)
        {
            Input = new OfficialInput { Role = Role, AgencyId = Official.AgencyId, DepartmentId = Official.DepartmentId };
        }

        Place = new PlaceFields(Input, await officials.AgenciesAsync(cancellationToken), await officials.DepartmentsAsync(cancellationToken));
        return true;
    }
}

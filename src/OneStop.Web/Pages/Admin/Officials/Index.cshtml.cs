using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Core.Common;
using OneStop.Web.Features.Admin.Officials;

namespace OneStop.Web.Pages.Admin.Officials;

/// <summary>Officials and administrators: find them, invite a new one.</summary>
public sealed class IndexModel(OfficialAdmin officials) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Agency { get; set; }
    [BindProperty] public OfficialInput Input { get; set; } = new();

    public IReadOnlyList<OfficialAdmin.Row> Rows { get; private set; } = [];
    public PlaceFields Place { get; private set; } = new(new(), [], []);

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        try
        {
            var user = await officials.InviteAsync(Input, cancellationToken);
            return RedirectToPage("Edit", new { id = user.Id, message = $"Đã gửi thư mời đến {user.Email}." });
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Rows = await officials.ListAsync(Q, Agency, cancellationToken);
        Place = new PlaceFields(Input, await officials.AgenciesAsync(cancellationToken), await officials.DepartmentsAsync(cancellationToken));
    }
}

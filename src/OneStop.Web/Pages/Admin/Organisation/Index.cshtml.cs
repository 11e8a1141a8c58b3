using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Core.Common;
using OneStop.Web.Features.Admin.Organisation;

namespace OneStop.Web.Pages.Admin.Organisation;

/// <summary>The organisation as a tree, and a form to add an agency.</summary>
public sealed class IndexModel(OrganisationAdmin organisation) : PageModel
{
    [BindProperty] public AgencyInput Input { get; set; } = new();

    public IReadOnlyList<OrganisationAdmin.TreeRow> Tree { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Tree = await organisation.TreeAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        try
        {
            var agency = await organisation.CreateAgencyAsync(Input, cancellationToken);
            return RedirectToPage("Agency", new { id = agency.Id, message = $"Đã thêm cơ quan {agency.Name}." });
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            Tree = await organisation.TreeAsync(cancellationToken);
            return Page();
        }
    }
}

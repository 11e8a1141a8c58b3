using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Infrastructure.Dossiers;
using OneStop.Web.Features.Dossiers;

namespace OneStop.Web.Pages.Portal;

public sealed class DetailModel(CitizenDossiers dossiers, DossierViews views) : PageModel
{
    public DossierViews.Detail? View { get; private set; }
    public bool Fresh { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? moi, CancellationToken cancellationToken)
    {
        try
        {
            var dossier = await dossiers.OwnAsync(Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!), id, cancellationToken);
            View = await views.DetailAsync(dossier, cancellationToken);
            Fresh = moi == "1";
            return Page();
        }
        catch (OneStop.Core.Common.NotFoundException)
        {
            return NotFound();
        }
    }
}

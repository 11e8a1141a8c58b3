using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using OneStop.Web.Features.Catalogue;

namespace OneStop.Web.Pages.Procedures;

[AllowAnonymous]
[OutputCache(PolicyName = CatalogueCache.Policy)]
public sealed class DetailModel(ProcedureCatalogue catalogue) : PageModel
{
    public ProcedureCatalogue.Detail? Procedure { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        Procedure = await catalogue.FindAsync(code, cancellationToken);
        return Procedure is null ? NotFound() : Page();
    }
}

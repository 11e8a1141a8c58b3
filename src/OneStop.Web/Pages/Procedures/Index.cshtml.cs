using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using OneStop.Web.Features.Catalogue;

namespace OneStop.Web.Pages.Procedures;

[AllowAnonymous]
[OutputCache(PolicyName = CatalogueCache.Policy)]
public sealed class IndexModel(ProcedureCatalogue catalogue) : PageModel
{
    public string? Q { get; private set; }
    public string? Field { get; private set; }
    public ProcedureCatalogue.Page Result { get; private set; } = new([], 0, 1);
    public IReadOnlyList<ProcedureCatalogue.Facet> Fields { get; private set; } = [];

    public async Task OnGetAsync(string? q, string? field, int? page, CancellationToken cancellationToken)
    {
        (Q, Field) = (q, field);
        Fields = await catalogue.FieldsAsync(cancellationToken);
        Result = await catalogue.SearchAsync(q, field, null, page ?? 1, cancellationToken);
    }
}

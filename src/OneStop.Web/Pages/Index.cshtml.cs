using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Web.Features.Catalogue;

namespace OneStop.Web.Pages;

[AllowAnonymous]
public sealed class IndexModel(AgencyDirectory directory) : PageModel
{
    public string ProvinceName { get; private set; } = string.Empty;
    public IReadOnlyList<string> Agencies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        (ProvinceName, Agencies) = await directory.ProvinceAsync(cancellationToken);
    }
}

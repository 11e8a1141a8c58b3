using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Web.Features.Dossiers;

namespace OneStop.Web.Pages.Portal;

public sealed class MineModel(DossierViews views) : PageModel
{
    public IReadOnlyList<DossierViews.Summary> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Items = await views.MineAsync(Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!), cancellationToken);
}

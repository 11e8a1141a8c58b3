
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Application.Common;
using OneStop.Application.Dossiers;

namespace OneStop.Web.Pages.Portal;

public sealed class MineModel(DossierViews views, ICurrentUser user) : PageModel
{
    public IReadOnlyList<DossierViews.Summary> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Items = await views.MineAsync(user.RequireId(), cancellationToken);
}

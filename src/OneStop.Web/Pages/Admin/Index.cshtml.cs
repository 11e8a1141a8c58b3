using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Web.Features.Admin;

namespace OneStop.Web.Pages.Admin;

public sealed class IndexModel(AdminOverview overview) : PageModel
{
    public IReadOnlyList<AdminOverview.AgencyRow> Agencies { get; private set; } = [];
    public IReadOnlyList<AdminOverview.RoleCount> RoleCounts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Agencies = await overview.AgenciesAsync(cancellationToken);
        RoleCounts = await overview.RoleCountsAsync(cancellationToken);
    }
}

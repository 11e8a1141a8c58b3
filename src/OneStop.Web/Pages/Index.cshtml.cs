using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Core.Organisation;
using OneStop.Infrastructure.Data;

namespace OneStop.Web.Pages;

[AllowAnonymous]
public sealed class IndexModel(OneStopDbContext db) : PageModel
{
    public string ProvinceName { get; private set; } = string.Empty;
    public IReadOnlyList<string> Agencies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.ClosedOn == null)
            .OrderBy(a => a.Kind).ThenBy(a => a.Name).Select(a => new { a.Name, a.Kind }).ToListAsync(cancellationToken);
        ProvinceName = agencies.FirstOrDefault(a => a.Kind == AgencyKind.Province)?.Name ?? "OneStop";
        Agencies = agencies.Where(a => a.Kind != AgencyKind.Province).Select(a => a.Name).ToList();
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Core.Identity;
using OneStop.Infrastructure.Data;
using OneStop.Web.Features.Statistics;

namespace OneStop.Web.Pages.Workspace;

/// <summary>Leaders see their agency's statistics (the folder policy already requires an official; this page requires a leader).</summary>
[Authorize(Roles = Roles.Leader)]
public sealed class StatisticsModel(DossierStatistics statistics, OneStopDbContext db) : PageModel
{
    public DossierStatistics.Report? Report { get; private set; }
    public string Scope { get; private set; } = string.Empty;

    public async Task OnGetAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken) =>
        Report = await BuildAsync(from, to, cancellationToken);

    public async Task<IActionResult> OnGetCsvAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken) =>
        File(DossierStatistics.ToCsv(await BuildAsync(from, to, cancellationToken)), "text/csv; charset=utf-8", "thong-ke.csv");

    private async Task<DossierStatistics.Report> BuildAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).DateTime);
        var end = to ?? today;
        var start = from ?? new DateOnly(end.Year, 1, 1);
        if (start > end || end.DayNumber - start.DayNumber > 3660)
        {
            (start, end) = (new DateOnly(today.Year, 1, 1), today);
        }

        var agencyId = Guid.Parse(User.FindFirstValue("agency")!);
        Scope = await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.Name).SingleAsync(cancellationToken);
        return await statistics.BuildAsync(agencyId, start, end, cancellationToken);
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Core.Identity;
using OneStop.Infrastructure.Data;
using OneStop.Web.Features.Statistics;
using OneStop.Core.Common;

namespace OneStop.Web.Pages.Reports;

/// <summary>
/// Statistics for leaders (their own agency) and administrators (the whole province, or one agency). The page lives outside the
/// Workspace folder, whose policy admits only officials, but keeps its address.
/// </summary>
[Authorize(Roles = Roles.Leader + "," + Roles.Admin)]
public sealed class StatisticsModel(DossierStatistics statistics, OneStopDbContext db, TimeProvider clock) : PageModel
{
    public sealed record AgencyOption(string Code, string Name);

    public DossierStatistics.Report? Report { get; private set; }
    public string Scope { get; private set; } = string.Empty;
    public bool IsAdmin { get; private set; }
    public string? AgencyCode { get; private set; }
    public IReadOnlyList<AgencyOption> Agencies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(DateOnly? from, DateOnly? to, string? agency, CancellationToken cancellationToken)
    {
        Report = await BuildAsync(from, to, agency, cancellationToken);
        return Report is null ? Forbid() : Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(DateOnly? from, DateOnly? to, string? agency, CancellationToken cancellationToken)
    {
        var report = await BuildAsync(from, to, agency, cancellationToken);
        return report is null ? Forbid()
            : File(DossierStatistics.ToCsv(report, Scope), "text/csv; charset=utf-8", $"thong-ke-{report.From:yyyyMMdd}-{report.To:yyyyMMdd}.csv");
    }

    public string Query(string? handler = null) =>
        "/Workspace/Statistics?" + (handler is null ? string.Empty : $"handler={handler}&")
        + $"from={Report!.From:yyyy-MM-dd}&to={Report.To:yyyy-MM-dd}" + (AgencyCode is null ? string.Empty : $"&agency={Uri.EscapeDataString(AgencyCode)}");

    private async Task<DossierStatistics.Report?> BuildAsync(DateOnly? from, DateOnly? to, string? agency, CancellationToken cancellationToken)
    {
        var today = VietnamTime.Today(clock);
        var end = to ?? today;
        var start = from ?? new DateOnly(end.Year, 1, 1);
        if (start > end || end.DayNumber - start.DayNumber > DossierStatistics.MaxDays)
        {
            (start, end) = (new DateOnly(today.Year, 1, 1), today);
        }

        Guid? agencyId;
        IsAdmin = User.IsInRole(Roles.Admin);
        if (IsAdmin)
        {
            Agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.Name).Select(a => new AgencyOption(a.Code, a.Name)).ToListAsync(cancellationToken);
            var chosen = Agencies.FirstOrDefault(a => string.Equals(a.Code, agency, StringComparison.OrdinalIgnoreCase));
            AgencyCode = chosen?.Code;
            agencyId = chosen is null ? null : await db.Agencies.Where(a => a.Code == chosen.Code).Select(a => a.Id).SingleAsync(cancellationToken);
            Scope = chosen?.Name ?? "Toàn tỉnh";
        }
        else
        {
            // A leader sees their own agency only, whatever the query string says.
            if (!Guid.TryParse(User.FindFirstValue("agency"), out var own))
            {
                return null;
            }

            agencyId = own;
            Scope = await db.Agencies.Where(a => a.Id == own).Select(a => a.Name).SingleAsync(cancellationToken);
        }

        return await statistics.BuildAsync(agencyId, start, end, cancellationToken);
    }
}

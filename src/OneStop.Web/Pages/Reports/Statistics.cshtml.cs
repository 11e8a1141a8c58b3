using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Application.Common;
using OneStop.Core.Common;
using OneStop.Core.Identity;
using OneStop.Web.Features.Statistics;

namespace OneStop.Web.Pages.Reports;

/// <summary>
/// Statistics for leaders (their own agency) and administrators (the whole province, or one agency). The page lives outside the
/// Workspace folder, whose policy admits only officials, but keeps its address.
/// </summary>
[Authorize(Roles = Roles.Leader + "," + Roles.Admin)]
public sealed class StatisticsModel(DossierStatistics statistics, ICurrentUser currentUser, TimeProvider clock) : PageModel
{
    public DossierStatistics.Report? Report { get; private set; }
    public string Scope { get; private set; } = string.Empty;
    public bool IsAdmin { get; private set; }
    public string? AgencyCode { get; private set; }
    public IReadOnlyList<DossierStatistics.AgencyOption> Agencies { get; private set; } = [];

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
        IsAdmin = currentUser.IsInRole(Roles.Admin);
        if (IsAdmin)
        {
            Agencies = await statistics.AgenciesAsync(cancellationToken);
            var chosen = Agencies.FirstOrDefault(a => string.Equals(a.Code, agency, StringComparison.OrdinalIgnoreCase));
            AgencyCode = chosen?.Code;
            agencyId = chosen?.Id;
            Scope = chosen?.Name ?? "Toàn tỉnh";
        }
        else
        {
            // A leader sees their own agency only, whatever the query string says.
            if (currentUser.AgencyId is not { } own)
            {
                return null;
            }

            agencyId = own;
            Scope = await statistics.AgencyNameAsync(own, cancellationToken);
        }

        return await statistics.BuildAsync(agencyId, start, end, cancellationToken);
    }
}

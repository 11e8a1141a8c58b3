using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Application.Common;
using OneStop.Application.Workspace;
using OneStop.Core.Common;
using OneStop.Documents.Models;

namespace OneStop.Web.Pages.Workspace;

/// <summary>
/// The counter's register (sổ theo dõi hồ sơ) of the official's agency for a date range, on screen, with the same entries as the
/// PDF and the spreadsheet that /api/v1/register gives.
/// </summary>
public sealed class RegisterModel(CounterRegister register, ICurrentUser currentUser, TimeProvider clock) : PageModel
{
    public const int PageSize = 100;

    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;
    public int Total { get; private set; }
    public string AgencyName { get; private set; } = string.Empty;
    public IReadOnlyList<RegisterEntry> Entries { get; private set; } = [];
    public IReadOnlyDictionary<string, Guid> DossierIds { get; private set; } = new Dictionary<string, Guid>();
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(DateOnly? from, DateOnly? to, int? page, CancellationToken cancellationToken)
    {
        if (currentUser.AgencyId is not { } agencyId)
        {
            return Forbid();
        }

        var today = VietnamTime.Today(clock);
        To = to ?? today;
        From = from ?? new DateOnly(To.Year, To.Month, 1);
        AgencyName = await register.AgencyNameAsync(agencyId, cancellationToken);
        try
        {
            (Total, PageNumber, PageCount, Entries, DossierIds) = await register.PageAsync(agencyId, From, To, page, PageSize, cancellationToken);
        }
        catch (DomainException ex)
        {
            Error = ex.Message;
        }

        return Page();
    }

    public string Export(string format) => $"/api/v1/register?from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}&format={format}";

    public string Link(int page) => $"/Workspace/Register?from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}&page={page}";
}

using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Core.Common;
using OneStop.Documents.Models;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Documents;
using RegisterData = OneStop.Documents.Models.RegisterModel;

namespace OneStop.Web.Pages.Workspace;

/// <summary>
/// The counter's register (sổ theo dõi hồ sơ) of the official's agency for a date range, on screen, with the same entries as the
/// PDF and the spreadsheet that /api/v1/register gives.
/// </summary>
public sealed class RegisterModel(RegisterExporter register, OneStopDbContext db, TimeProvider clock) : PageModel
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
        if (!Guid.TryParse(User.FindFirstValue("agency"), out var agencyId))
        {
            return Forbid();
        }

        var today = VietnamTime.Today(clock);
        To = to ?? today;
        From = from ?? new DateOnly(To.Year, To.Month, 1);
        AgencyName = await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.Name).SingleAsync(cancellationToken);
        RegisterData data;
        try
        {
            data = await register.BuildAsync(agencyId, From, To, cancellationToken);
        }
        catch (DomainException ex)
        {
            Error = ex.Message;
            return Page();
        }

        await HttpContext.RequestServices.GetRequiredService<OneStop.Infrastructure.Audit.PersonalDataReads>().RegisterAsync(agencyId, From, To, "page", cancellationToken);
        Total = data.Entries.Count;
        PageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(page ?? 1, 1, PageCount);
        Entries = data.Entries.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
        var codes = Entries.Select(e => e.DossierCode).ToList();
        DossierIds = await db.Dossiers.AsNoTracking().Where(d => d.AgencyId == agencyId && d.Code != null && codes.Contains(d.Code))
            .ToDictionaryAsync(d => d.Code!, d => d.Id, cancellationToken);
        return Page();
    }

    public string Export(string format) => $"/api/v1/register?from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}&format={format}";

    public string Link(int page) => $"/Workspace/Register?from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}&page={page}";
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Infrastructure.Data;
using OneStop.Web.Features.Dossiers;

namespace OneStop.Web.Pages;

[AllowAnonymous]
public sealed class LookupModel(OneStopDbContext db) : PageModel
{
    public string? Code { get; private set; }
    public string? Id4 { get; private set; }
    public bool Searched { get; private set; }
    public string? Status { get; private set; }
    public DateTimeOffset? DueAt { get; private set; }

    public async Task OnGetAsync(string? code, string? id4, CancellationToken cancellationToken)
    {
        (Code, Id4) = (code?.Trim().ToUpperInvariant(), id4?.Trim());
        if (string.IsNullOrEmpty(Code) || string.IsNullOrEmpty(Id4))
        {
            return;
        }

        Searched = true;
        if (Id4.Length != 4 || !Id4.All(char.IsAsciiDigit))
        {
            return;
        }

        var dossier = await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.Code == Code || d.LegacyCode == Code, cancellationToken);
        if (dossier?.Applicant.IdNumber is { } idNumber && idNumber.EndsWith(Id4, StringComparison.Ordinal))
        {
            Status = DossierViews.StatusText(dossier.Status);
            DueAt = dossier.DueAt ?? await db.WorkflowInstances.Where(i => i.DossierId == dossier.Code).Select(i => i.TotalDueAt).FirstOrDefaultAsync(cancellationToken);
        }
    }
}

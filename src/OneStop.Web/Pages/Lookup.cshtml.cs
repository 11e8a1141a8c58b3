using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Web.Features.Dossiers;

namespace OneStop.Web.Pages;

[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(OneStop.Web.Security.RateLimits.Lookup)]
public sealed class LookupModel(DossierViews views) : PageModel
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
        if (await views.LookupAsync(Code, Id4, cancellationToken) is { } found)
        {
            (Status, DueAt) = (found.StatusText, found.DueAt);
        }
    }
}

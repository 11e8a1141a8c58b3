using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Application.Dossiers;

namespace OneStop.Web.Pages;

[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(OneStop.Web.Security.RateLimits.Lookup)]
public sealed class LookupModel(DossierViews views) : PageModel
{
    public string? Code { get; private set; }
    public string? Key { get; private set; }
    public bool Searched { get; private set; }
    public string? Status { get; private set; }
    public DateTimeOffset? DueAt { get; private set; }

    public async Task OnGetAsync(string? code, string? key, CancellationToken cancellationToken)
    {
        (Code, Key) = (code?.Trim().ToUpperInvariant(), key?.Trim().ToUpperInvariant());
        if (string.IsNullOrEmpty(Code) || string.IsNullOrEmpty(Key))
        {
            return;
        }

        Searched = true;
        if (await views.LookupAsync(Code, Key, cancellationToken) is { } found)
        {
            (Status, DueAt) = (found.StatusText, found.DueAt);
        }
    }
}

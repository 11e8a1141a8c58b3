using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Web.Features.Admin.Audit;

namespace OneStop.Web.Pages.Admin;

/// <summary>The audit log: every administrative change and dossier action, searchable, read-only.</summary>
public sealed class AuditModel(AuditSearch search) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")] public string? Who { get; set; }
    [BindProperty(SupportsGet = true)] public string? Dossier { get; set; }
    [BindProperty(SupportsGet = true)] public string? Entity { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityId { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public AuditSearch.Result Result { get; private set; } = new([], 0, 1);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (From is { } f && To is { } t && t < f)
        {
            ModelState.AddModelError(nameof(To), "Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.");
            return;
        }

        Result = await search.SearchAsync(new AuditSearch.Query
        {
            User = Who, Dossier = Dossier, EntityType = Entity, EntityId = EntityId, From = From, To = To, Page = PageNumber,
        }, cancellationToken);
    }

    public string PageLink(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["user"] = Who, ["dossier"] = Dossier, ["entity"] = Entity, ["entityId"] = EntityId,
        ["from"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(x => !string.IsNullOrEmpty(x.Value))).ToString();
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Web.Features.Documents;

namespace OneStop.Web.Pages.Verify;

[AllowAnonymous]
[RequestSizeLimit(21 * 1024 * 1024)]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(OneStop.Web.Security.RateLimits.Verify)]
public sealed class IndexModel(DocumentVerification verification) : PageModel
{
    public string? Key { get; private set; }

    public DocumentVerification.Result? Found { get; private set; }

    /// <summary>The presented file's check (its signatures), after a file was posted.</summary>
    public DocumentVerification.FileCheck? Check { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? key, string? code, CancellationToken cancellationToken)
    {
        if (key is null && !string.IsNullOrWhiteSpace(code))
        {
            return Redirect("/verify/" + Uri.EscapeDataString(code.Trim()));
        }

        await LoadAsync(key, null, cancellationToken);
        if (Key is not null && Found is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? key, IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is not { Length: > 0 })
        {
            await LoadAsync(key, null, cancellationToken); // no file chosen: show the document, compare nothing
            return Page();
        }

        // The file's signatures are checked, and the document it is found by the code given or else by its bytes.
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        Key = string.IsNullOrWhiteSpace(key) ? null : key.Trim();
        Check = await verification.CheckFileAsync(buffer.ToArray(), Key, cancellationToken);
        Found = Check.Document;
        return Page();
    }

    private async Task LoadAsync(string? key, string? hash, CancellationToken cancellationToken)
    {
        Key = string.IsNullOrWhiteSpace(key) ? null : key.Trim();
        Found = Key is null ? null : await verification.FindAsync(Key, hash, cancellationToken);
    }
}

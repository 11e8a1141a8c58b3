using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Core.Common;
using OneStop.Infrastructure.Payments;

namespace OneStop.Web.Pages.Payments;

/// <summary>Where the payment provider sends the payer back: applies the signed outcome (once), then shows the dossier.</summary>
[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(OneStop.Web.Security.RateLimits.PaymentCallback)]
public sealed class ReturnModel(FeePayments payments) : PageModel
{
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            var (payment, _) = await payments.HandleCallbackAsync(
                await Api.PaymentEndpoints.ParametersAsync(Request, cancellationToken), cancellationToken);
            return LocalRedirect($"/ho-so/{payment.DossierId}?thanhtoan={payment.Status.ToString().ToLowerInvariant()}");
        }
        catch (DomainException ex)
        {
            Error = ex.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }
}

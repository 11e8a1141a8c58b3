using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Core.Payments;
using OneStop.Infrastructure.Payments;

namespace OneStop.Web.Pages.Payments;

/// <summary>The simulated bank's page: checks OneStop's signed request, then sends the payer back with a signed outcome.</summary>
[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(OneStop.Web.Security.RateLimits.PaymentCallback)]
public sealed class SimulatedModel(SimulatedPaymentProvider bank, IPaymentProvider configured) : PageModel
{
    public Guid PaymentId { get; private set; }
    public string AmountText { get; private set; } = string.Empty;
    public IReadOnlyDictionary<string, string> BankRequest { get; private set; } = new Dictionary<string, string>();

    public IActionResult OnGet() => Read(Query()) ? Page() : NotFound();

    public IActionResult OnPost(string? choice)
    {
        var parameters = Form();
        if (!Read(parameters) || !Enum.TryParse<PaymentOutcome>(choice, out var outcome))
        {
            return NotFound();
        }

        var request = bank.ReadRequest(parameters)!.Value;
        return LocalRedirect(SimulatedPaymentProvider.CallbackUrl(request.ReturnUrl, bank.Callback(request.PaymentId, outcome, request.Amount)).ToString());
    }

    private bool Read(Dictionary<string, string> parameters)
    {
        // The simulated bank exists only while it is the configured provider (development, tests, demonstrations).
        if (configured.Name != bank.Name || bank.ReadRequest(parameters) is not { } request)
        {
            return false;
        }

        PaymentId = request.PaymentId;
        AmountText = FeePayments.Money(request.Amount);
        BankRequest = parameters.Where(p => p.Key is "paymentId" or "amount" or "returnUrl" or "signature").ToDictionary(p => p.Key, p => p.Value);
        return true;
    }

    private Dictionary<string, string> Query() => HttpContext.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);

    // The page posts back to its own address, so the signed request is in the query string (and in hidden fields for clients that drop it).
    private Dictionary<string, string> Form()
    {
        var values = Query();
        foreach (var (key, value) in HttpContext.Request.Form)
        {
            values.TryAdd(key, value.ToString());
        }

        return values;
    }
}

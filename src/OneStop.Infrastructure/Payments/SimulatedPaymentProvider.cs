using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using OneStop.Core.Payments;

namespace OneStop.Infrastructure.Payments;

/// <summary>
/// A bank that exists only in OneStop, for development and tests: the payer is sent to its page, chooses to pay, fail or cancel,
/// and comes back with a callback signed with HMAC-SHA256 like a real gateway's.
/// </summary>
public sealed class SimulatedPaymentProvider(IOptions<PaymentOptions> options) : IPaymentProvider
{
    public const string ProviderName = "Simulated";

    /// <summary>The simulated bank's page.</summary>
    public const string BankPath = "/thanh-toan/gia-lap";

    /// <summary>Where the bank sends the payer back, with the signed callback.</summary>
    public const string ReturnPath = "/thanh-toan/ket-qua";

    public string Name => ProviderName;

    public SimulatedPaymentMode Mode => options.Value.Simulated.Mode;

    public Uri RedirectUrl(PaymentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Mode != SimulatedPaymentMode.Interactive)
        {
            var outcome = Mode switch
            {
                SimulatedPaymentMode.Succeed => PaymentOutcome.Succeeded,
                SimulatedPaymentMode.Fail => PaymentOutcome.Failed,
                _ => PaymentOutcome.Cancelled,
            };
            return CallbackUrl(request.ReturnUrl, Callback(request.PaymentId, outcome, request.Amount));
        }

        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["paymentId"] = request.PaymentId.ToString(),
            ["amount"] = Amount(request.Amount),
            ["returnUrl"] = request.ReturnUrl,
        };
        parameters["signature"] = Sign("request", parameters);
        return CallbackUrl(BankPath, parameters);
    }

    public PaymentCallback ReadCallback(IReadOnlyDictionary<string, string> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var fields = Fields(parameters, "paymentId", "outcome", "amount", "transaction");
        if (fields is null || !Verify("callback", fields, parameters.GetValueOrDefault("signature"))
            || !Guid.TryParse(fields["paymentId"], out var paymentId)
            || !Enum.TryParse<PaymentOutcome>(fields["outcome"], ignoreCase: false, out var outcome)
            || !decimal.TryParse(fields["amount"], NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            throw new PaymentSignatureException();
        }

        return new PaymentCallback(paymentId, outcome, amount, fields["transaction"]);
    }

    /// <summary>Reads the bank page's request; null when it was not signed by OneStop.</summary>
    public (Guid PaymentId, decimal Amount, string ReturnUrl)? ReadRequest(IReadOnlyDictionary<string, string> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var fields = Fields(parameters, "paymentId", "amount", "returnUrl");
        return fields is not null && Verify("request", fields, parameters.GetValueOrDefault("signature"))
               && Guid.TryParse(fields["paymentId"], out var id)
               && decimal.TryParse(fields["amount"], NumberStyles.None, CultureInfo.InvariantCulture, out var amount)
               && fields["returnUrl"].StartsWith('/') && !fields["returnUrl"].StartsWith("//", StringComparison.Ordinal)
            ? (id, amount, fields["returnUrl"])
            : null;
    }

    /// <summary>The signed callback the bank sends for an outcome.</summary>
    public IReadOnlyDictionary<string, string> Callback(Guid paymentId, PaymentOutcome outcome, decimal amount)
    {
        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["paymentId"] = paymentId.ToString(),
            ["outcome"] = outcome.ToString(),
            ["amount"] = Amount(amount),
            ["transaction"] = "SIM" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6)),
        };
        parameters["signature"] = Sign("callback", parameters);
        return parameters;
    }

    public static Uri CallbackUrl(string path, IReadOnlyDictionary<string, string> parameters) =>
        new(path + "?" + string.Join("&", parameters.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}")), UriKind.Relative);

    private static string Amount(decimal amount) => decimal.Truncate(amount).ToString(CultureInfo.InvariantCulture);

    private static SortedDictionary<string, string>? Fields(IReadOnlyDictionary<string, string> parameters, params string[] names)
    {
        var fields = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (!parameters.TryGetValue(name, out var value) || value.Length is 0 or > 500)
            {
                return null;
            }

            fields[name] = value;
        }

        return fields;
    }

    private string Sign(string purpose, IReadOnlyDictionary<string, string> fields)
    {
        var text = purpose + "\n" + string.Join("\n", fields.Where(f => f.Key != "signature").Select(f => $"{f.Key}={f.Value}"));
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Value.Simulated.Key), Encoding.UTF8.GetBytes(text)));
    }

    private bool Verify(string purpose, IReadOnlyDictionary<string, string> fields, string? signature)
    {
        if (signature is null || signature.Length != 64)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(purpose, fields));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature.ToLowerInvariant()));
    }
}

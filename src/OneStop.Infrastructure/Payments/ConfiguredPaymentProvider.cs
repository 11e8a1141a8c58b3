using Microsoft.Extensions.Options;
using OneStop.Core.Common;
using OneStop.Core.Payments;

namespace OneStop.Infrastructure.Payments;

/// <summary>
/// The provider Payments:Provider names, as it stands now (an administrator's setting may change it): the simulated bank, or none —
/// then online payment is refused with a Vietnamese explanation and every callback is refused as unsigned.
/// </summary>
internal sealed class ConfiguredPaymentProvider(IOptions<PaymentOptions> options, SimulatedPaymentProvider simulated) : IPaymentProvider
{
    private bool Simulated => string.Equals(options.Value.Provider, SimulatedPaymentProvider.ProviderName, StringComparison.OrdinalIgnoreCase);

    public string Name => Simulated ? simulated.Name : PaymentOptions.NoProvider;

    public Uri RedirectUrl(PaymentRequest request) => Simulated
        ? simulated.RedirectUrl(request)
        : throw Unavailable();

    /// <summary>Online payment is off (Payments:Provider=None).</summary>
    public static ConflictException Unavailable() => new("payment.unavailable",
        "Thanh toán trực tuyến chưa được cấu hình; vui lòng nộp phí, lệ phí tại Bộ phận tiếp nhận và trả kết quả.");

    public PaymentCallback ReadCallback(IReadOnlyDictionary<string, string> parameters) =>
        Simulated ? simulated.ReadCallback(parameters) : throw new PaymentSignatureException();
}

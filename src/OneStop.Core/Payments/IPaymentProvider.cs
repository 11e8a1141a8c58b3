namespace OneStop.Core.Payments;

/// <summary>A payment gateway (the national payment platform, a bank, or the built-in simulator).</summary>
public interface IPaymentProvider
{
    /// <summary>The provider's name as stored on each attempt.</summary>
    string Name { get; }

    /// <summary>The address the applicant's browser is sent to, to pay.</summary>
    Uri RedirectUrl(PaymentRequest request);

    /// <summary>Checks the callback's signature and reads it; throws <see cref="PaymentSignatureException"/> when it was not signed by the provider.</summary>
    PaymentCallback ReadCallback(IReadOnlyDictionary<string, string> parameters);
}

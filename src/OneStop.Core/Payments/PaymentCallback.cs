namespace OneStop.Core.Payments;

/// <summary>A provider's verified report about one attempt.</summary>
public sealed record PaymentCallback(Guid PaymentId, PaymentOutcome Outcome, decimal Amount, string? ProviderReference);

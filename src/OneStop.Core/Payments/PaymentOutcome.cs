namespace OneStop.Core.Payments;

/// <summary>What the payment provider reported for an attempt.</summary>
public enum PaymentOutcome
{
    Succeeded,
    Failed,
    Cancelled,
}

namespace OneStop.Core.Payments;

/// <summary>Where a payment attempt stands; only a pending attempt can change.</summary>
public enum PaymentStatus
{
    Pending,
    Succeeded,
    Failed,
    Cancelled,
}

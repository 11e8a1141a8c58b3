namespace OneStop.Core.Payments;

/// <summary>What the provider needs to take the applicant's payment: our attempt id, the amount in đồng, a description and where to come back.</summary>
public sealed record PaymentRequest(Guid PaymentId, decimal Amount, string Description, string ReturnUrl);

using System.ComponentModel.DataAnnotations;

namespace OneStop.Infrastructure.Payments;

/// <summary>Online fee payment: which provider takes payments, and its settings.</summary>
public sealed class PaymentOptions
{
    public const string Section = "Payments";

    /// <summary>The provider's name; only "Simulated" is built in.</summary>
    [Required]
    public string Provider { get; set; } = SimulatedPaymentProvider.ProviderName;

    /// <summary>The built-in simulated provider's settings.</summary>
    public SimulatedPaymentOptions Simulated { get; set; } = new();
}

using System.ComponentModel.DataAnnotations;

namespace OneStop.Infrastructure.Payments;

/// <summary>Online fee payment: which provider takes payments, and its settings.</summary>
public sealed class PaymentOptions
{
    public const string Section = "Payments";

    /// <summary>"None" turns online payment off (fees are paid at the counter).</summary>
    public const string NoProvider = "None";

    /// <summary>The provider's name: "Simulated" (the built-in bank, for development and demonstrations) or "None".</summary>
    [Required]
    public string Provider { get; set; } = SimulatedPaymentProvider.ProviderName;

    /// <summary>The built-in simulated provider's settings.</summary>
    public SimulatedPaymentOptions Simulated { get; set; } = new();
}

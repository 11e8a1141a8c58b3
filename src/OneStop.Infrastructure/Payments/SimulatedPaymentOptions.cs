using System.ComponentModel.DataAnnotations;

namespace OneStop.Infrastructure.Payments;

/// <summary>Settings of the simulated bank used in development and tests.</summary>
public sealed class SimulatedPaymentOptions
{
    /// <summary>The shared secret that signs requests and callbacks (HMAC-SHA256); at least 16 characters.</summary>
    [Required]
    [MinLength(16)]
    public string Key { get; set; } = "onestop-simulated-bank-development-key";

    /// <summary>Interactive shows the bank page with pay, fail and cancel; the others answer at once with that outcome.</summary>
    public SimulatedPaymentMode Mode { get; set; } = SimulatedPaymentMode.Interactive;
}

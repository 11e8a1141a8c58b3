namespace OneStop.Infrastructure.Payments;

/// <summary>How the simulated bank answers.</summary>
public enum SimulatedPaymentMode
{
    /// <summary>The payer chooses on the simulated bank page.</summary>
    Interactive,

    /// <summary>Every payment succeeds at once.</summary>
    Succeed,

    /// <summary>Every payment fails at once.</summary>
    Fail,

    /// <summary>Every payment is cancelled at once.</summary>
    Cancel,
}

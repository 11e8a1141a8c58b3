namespace OneStop.Web.Security;

/// <summary>Whether the simulated bank may be switched on: in Development and Testing, and in a deliberate demonstration.</summary>
public sealed class SimulatorPolicy(IHostEnvironment environment, DemoMode demo)
{
    public bool Allowed => !ProductionGuard.AppliesTo(environment) || demo.Enabled;
}

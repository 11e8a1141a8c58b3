namespace OneStop.Infrastructure.NationalPortal;

/// <summary>The local stand-in for the national portal (development and tests only; production refuses it).</summary>
public sealed class NationalPortalSimulatorOptions
{
    /// <summary>Serves POST /api/v1/national-portal/simulator/messages, which checks the signature and records what it receives.</summary>
    public bool Enabled { get; set; }
}

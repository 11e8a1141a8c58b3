namespace OneStop.Web.Security;

/// <summary>
/// A deliberate demonstration (Demo:Enabled=true): every page says so in a banner; the demo province may be seeded, the simulated
/// bank may take payments, Admin and Leader are not forced to enrol two-factor sign-in, and the public address may be plain http.
/// Nothing else is relaxed: Data Protection keys, database password and webhook secrets are held to production rules.
/// </summary>
public sealed class DemoMode(IConfiguration configuration)
{
    public const string Setting = "Demo:Enabled";

    public bool Enabled => configuration.GetValue(Setting, false);
}

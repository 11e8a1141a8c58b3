namespace OneStop.Web.Security;

/// <summary>Rate limits (section "RateLimiting"): each policy allows PermitLimit requests per WindowSeconds and partition.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimiting";

    /// <summary>Off only for load tests; the production guard does not allow it.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Multiplies every limit (the test suite, which signs in hundreds of times from one address, raises it).</summary>
    public int Scale { get; set; } = 1;

    public Dictionary<string, RateLimitPolicy> Policies { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The policy as configured, else its default.</summary>
    public RateLimitPolicy Get(string name) =>
        Policies.TryGetValue(name, out var configured) ? configured : RateLimits.Defaults[name];
}

/// <summary>How many requests a partition (a client address or an account) may make per window.</summary>
public sealed class RateLimitPolicy
{
    public int PermitLimit { get; set; }

    public int WindowSeconds { get; set; } = 60;
}

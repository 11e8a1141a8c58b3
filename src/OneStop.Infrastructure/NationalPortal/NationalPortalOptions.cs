using System.ComponentModel.DataAnnotations;

namespace OneStop.Infrastructure.NationalPortal;

/// <summary>Synchronisation with the national public-services portal, Cổng Dịch vụ công quốc gia (section "NationalPortal").</summary>
public sealed class NationalPortalOptions
{
    public const string Section = "NationalPortal";

    /// <summary>The named HttpClient the adapter sends with (a host may configure its handler: proxy, client certificate).</summary>
    public const string HttpClientName = "national-portal";

    /// <summary>The key committed in this repository for development and tests; production refuses it.</summary>
    public const string DevelopmentKey = "onestop-national-portal-development-key";

    /// <summary>Off by default: no message is queued and the inbound endpoint answers 404.</summary>
    public bool Enabled { get; set; }

    /// <summary>The portal's address; messages are posted to {BaseUrl}/messages. Empty with the simulator: this host's own simulator.</summary>
    public string BaseUrl { get; set; } = string.Empty;

    /// <summary>Signs what OneStop sends (HMAC-SHA256); the portal holds the same key.</summary>
    [Required]
    [MinLength(16)]
    public string Key { get; set; } = DevelopmentKey;

    /// <summary>Verifies what the portal sends (its dossiers); the portal signs with the same key.</summary>
    [Required]
    [MinLength(16)]
    public string InboundKey { get; set; } = DevelopmentKey;

    /// <summary>After this many failed attempts (about a day with the back-off) a message is set aside with its last error.</summary>
    [Range(1, 1000)]
    public int MaxAttempts { get; set; } = 30;

    /// <summary>How long one delivery may take.</summary>
    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>How far a signed request's timestamp may be from this host's clock (replays older than this are refused).</summary>
    [Range(10, 3600)]
    public int AllowedClockSkewSeconds { get; set; } = 300;

    public NationalPortalSimulatorOptions Simulator { get; set; } = new();
}

namespace OneStop.Infrastructure.Signing;

/// <summary>Section "Signing": whether issued documents are digitally signed, and with what help.</summary>
public sealed class SigningOptions
{
    public const string Section = "Signing";

    /// <summary>
    /// When on, every issued document is signed by the official whose action issued it and sealed by the agency, and an action whose
    /// signer has no certificate in force is refused. Off by default so an installation without certificates keeps issuing unsigned
    /// documents; Development turns it on (the demo province has development certificates).
    /// </summary>
    public bool Enabled { get; set; }

    /// <summary>The URL of an RFC 3161 time-stamp authority; every signature then carries a time-stamp (PAdES B-T).</summary>
    public string? TimeStampUrl { get; set; }

    /// <summary>Paths of PEM or DER root certificates accepted by /verify, besides the ones administrators upload.</summary>
    public List<string> TrustAnchors { get; set; } = [];

    /// <summary>Certificates that end within this many days are shown as expiring.</summary>
    public int WarnDays { get; set; } = 30;
}

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

/// <summary>Section "Signing:Remote": remote signing ("ký số từ xa") of officials whose credential is an account at a CA.</summary>
public sealed class RemoteSigningSettings
{
    public const string Section = "Signing:Remote";

    /// <summary>
    /// Use <see cref="Documents.Signing.Remote.RemoteSigningSimulator"/> as the CA (development and tests; a Production host refuses to start
    /// with it unless Demo:Enabled). Off, and with no CA's implementation registered, officials cannot be given a remote credential.
    /// </summary>
    public bool Simulator { get; set; }

    /// <summary>The simulator confirms each request by itself after this many seconds; negative: only when told (tests).</summary>
    public double SimulatorAutoConfirmSeconds { get; set; } = 5;

    /// <summary>How long a request waits for the official's confirmation before it is given up as expired ("hết hạn").</summary>
    public int ExpiresMinutes { get; set; } = 10;

    /// <summary>How often the background completion asks the CA about waiting requests.</summary>
    public int PollSeconds { get; set; } = 3;

    /// <summary>
    /// How long <c>DocumentIssuer.IssueAsync</c> waits for a remote signer's confirmation in the call. OneStop's own paths do not wait (the
    /// workflow's documents and those officials issue themselves are deferred, "chờ ký số"); this bounds a caller that must hold the document.
    /// </summary>
    public int DirectWaitSeconds { get; set; } = 120;
}

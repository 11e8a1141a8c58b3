namespace OneStop.Documents.Signing.Remote;

/// <summary>How long <see cref="RemoteDocumentSigner"/> waits for a person to confirm, and how often it asks.</summary>
public sealed class RemoteSigningOptions
{
    public const string SectionName = "Signing:Remote";

    /// <summary>How long to wait for the confirmation before giving up (the CAs' own requests expire after a few minutes).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
}

namespace OneStop.Documents.Signing.Verification;

/// <summary>Whether the signer's certificate chains to a configured trust anchor (the province's CA roots).</summary>
public enum CertificateTrust
{
    Trusted,
    Untrusted,
    Unknown,
}

namespace OneStop.Documents.Signing;

/// <summary>
/// What a signer returns: either the raw signature over the CMS signed attributes' digest (RSA PKCS#1 v1.5, SHA-256),
/// which OneStop wraps into the CMS, or a complete detached CMS made by the signer's service over the document digest.
/// </summary>
public sealed record SignatureValue
{
    private SignatureValue(byte[]? raw, byte[]? cms)
    {
        RawSignature = raw;
        Cms = cms;
    }

    public byte[]? RawSignature { get; }

    public byte[]? Cms { get; }

    public static SignatureValue Raw(byte[] signature) => new(signature ?? throw new ArgumentNullException(nameof(signature)), null);

    public static SignatureValue FromCms(byte[] cms) => new(null, cms ?? throw new ArgumentNullException(nameof(cms)));
}

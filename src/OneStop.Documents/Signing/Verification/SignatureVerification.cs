namespace OneStop.Documents.Signing.Verification;

/// <summary>
/// One signature found in a PDF. The certificate subject may carry personal data (e.g. an identity number in a
/// UID attribute): show <see cref="SignerName"/> and <see cref="SignerOrganization"/> publicly, not the whole subject.
/// </summary>
public sealed record SignatureVerification
{
    /// <summary>1 for the first signature in the file, in the order they were made.</summary>
    public required int Number { get; init; }

    public string? FieldName { get; init; }

    public required SignatureIntegrity Integrity { get; init; }

    /// <summary>Whether the signature covers every byte of the file.</summary>
    public required bool CoversWholeDocument { get; init; }

    public required ChangesAfterSigning ChangesAfter { get; init; }

    /// <summary>The length of the revision the signature covers.</summary>
    public required long SignedLength { get; init; }

    public string? SubFilter { get; init; }

    public string? SignerName { get; init; }

    public string? SignerOrganization { get; init; }

    public string? Subject { get; init; }

    public string? Issuer { get; init; }

    public string? IssuerName { get; init; }

    public string? SerialNumber { get; init; }

    public DateTimeOffset? CertificateNotBefore { get; init; }

    public DateTimeOffset? CertificateNotAfter { get; init; }

    /// <summary>The time the signer claims (the signature dictionary's /M, or a CMS signing-time attribute).</summary>
    public DateTimeOffset? ClaimedSigningTime { get; init; }

    /// <summary>The RFC 3161 time-stamp's time, when the signature carries one.</summary>
    public DateTimeOffset? TimeStamp { get; init; }

    /// <summary>Whether the time-stamp token is intact and over this signature; null without one.</summary>
    public bool? TimeStampValid { get; init; }

    public string? Reason { get; init; }

    public string? Location { get; init; }

    public required CertificateTrust Trust { get; init; }

    /// <summary>What is wrong, in Vietnamese, for people.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>Intact, trusted, and either covering the file or followed only by intact signatures.</summary>
    public bool IsValid => Integrity == SignatureIntegrity.Intact && Trust == CertificateTrust.Trusted && ChangesAfter != ChangesAfterSigning.Modified
        && TimeStampValid != false;
}

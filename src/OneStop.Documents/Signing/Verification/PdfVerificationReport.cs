namespace OneStop.Documents.Signing.Verification;

/// <summary>Every signature found in a PDF, oldest first.</summary>
public sealed record PdfVerificationReport(IReadOnlyList<SignatureVerification> Signatures, long Length, string Sha256)
{
    /// <summary>Why the file could not be checked at all (not a PDF); null when it could.</summary>
    public string? Problem { get; init; }

    public bool IsSigned => Signatures.Count > 0;

    /// <summary>Signed, every signature valid, and the last one covers the whole file.</summary>
    public bool IsValid => IsSigned && Signatures.All(s => s.IsValid) && Signatures[^1].CoversWholeDocument;
}

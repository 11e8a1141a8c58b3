namespace OneStop.Documents.Signing;

/// <summary>
/// A PDF with a new signature field whose signature value is still to come, and what to sign. Plain data, so a caller
/// waiting for a remote signer can store it and complete the signature when the signer's answer arrives.
/// </summary>
public sealed record PreparedSignature
{
    /// <summary>The PDF with the incremental update that adds the signature; its /Contents placeholder is zeros.</summary>
    public required byte[] Pdf { get; init; }

    /// <summary>Offset of the '&lt;' opening the /Contents placeholder.</summary>
    public required long ContentsStart { get; init; }

    /// <summary>Offset just after the '&gt;' closing the /Contents placeholder.</summary>
    public required long ContentsEnd { get; init; }

    /// <summary>SHA-256 of the signed byte ranges.</summary>
    public required byte[] DocumentDigest { get; init; }

    /// <summary>SHA-256 of the CMS signed attributes: what the private key signs.</summary>
    public required byte[] DataToBeSignedDigest { get; init; }

    /// <summary>The signer's certificate (DER).</summary>
    public required byte[] Certificate { get; init; }

    /// <summary>Its issuers (DER), embedded in the CMS.</summary>
    public required IReadOnlyList<byte[]> Issuers { get; init; }

    public required string FieldName { get; init; }

    public required DateTimeOffset SigningTime { get; init; }

    public required string DocumentTitle { get; init; }

    /// <summary>How many bytes of CMS the placeholder holds.</summary>
    public int Capacity => (int)((ContentsEnd - ContentsStart - 2) / 2);

    /// <summary>The request to hand to the signer.</summary>
    public SignatureRequest Request => new(DataToBeSignedDigest, DocumentDigest, DocumentTitle);
}

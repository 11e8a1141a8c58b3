namespace OneStop.Documents.Signing.Verification;

/// <summary>What happened to the document after a signature was made.</summary>
public enum ChangesAfterSigning
{
    /// <summary>The signature covers the whole file.</summary>
    None,

    /// <summary>Later revisions exist and each ends with an intact signature (e.g. the agency's seal after the leader's signature).</summary>
    LaterSignaturesOnly,

    /// <summary>Bytes were added after the signature that no later intact signature covers ("modified after signing").</summary>
    Modified,
}

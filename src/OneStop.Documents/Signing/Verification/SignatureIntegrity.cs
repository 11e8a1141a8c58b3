namespace OneStop.Documents.Signing.Verification;

/// <summary>Whether the bytes a signature covers are those that were signed.</summary>
public enum SignatureIntegrity
{
    /// <summary>The digest of the signed byte ranges matches the CMS and the CMS signature matches its certificate.</summary>
    Intact,

    /// <summary>The signed bytes or the signature itself were changed after signing.</summary>
    Altered,

    /// <summary>The signature's byte ranges or CMS cannot be read.</summary>
    Unreadable,
}

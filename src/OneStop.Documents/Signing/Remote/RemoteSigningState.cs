namespace OneStop.Documents.Signing.Remote;

/// <summary>The life of a remote signing request.</summary>
public enum RemoteSigningState
{
    /// <summary>Waiting for the person to confirm on their device.</summary>
    Pending,

    /// <summary>Confirmed: the signature is available.</summary>
    Signed,

    /// <summary>The person refused.</summary>
    Denied,

    /// <summary>Nobody confirmed in time.</summary>
    Expired,
}

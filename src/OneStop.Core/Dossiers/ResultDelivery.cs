namespace OneStop.Core.Dossiers;

/// <summary>How the applicant wants to receive the result (level 4).</summary>
public enum ResultDelivery
{
    /// <summary>The result PDF in the portal, verifiable by its QR code.</summary>
    Electronic,

    /// <summary>The paper result sent by post to the address given.</summary>
    Post,
}

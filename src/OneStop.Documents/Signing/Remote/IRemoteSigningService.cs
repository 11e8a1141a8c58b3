namespace OneStop.Documents.Signing.Remote;

/// <summary>
/// The port to a CA's remote-signing service ("ký số từ xa"): the key stays with the CA; OneStop sends a request with the
/// digest and what to show, the person confirms on their device, and the signature comes back later. A province plugs in
/// its CA by implementing this over the CA's API (see docs/SIGNATURES.md).
/// </summary>
public interface IRemoteSigningService
{
    /// <summary>The certificate (and issuers) of the signer's account at the CA.</summary>
    Task<SignerCertificate> GetCertificateAsync(string signerAccount, CancellationToken cancellationToken);

    /// <summary>Creates a signing request; returns the CA's transaction id.</summary>
    Task<string> SubmitAsync(RemoteSigningRequest request, CancellationToken cancellationToken);

    /// <summary>Where a request stands; the signature once the person confirmed.</summary>
    Task<RemoteSigningStatus> GetStatusAsync(string transactionId, CancellationToken cancellationToken);
}

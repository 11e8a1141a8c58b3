namespace OneStop.Documents.Signing;

/// <summary>
/// One signing identity: a certificate and the means to sign with its key, held by OneStop (PKCS#12) or by a CA's
/// remote-signing service. Storage-agnostic: the caller decides where keys live.
/// </summary>
public interface IDocumentSigner
{
    /// <summary>The certificate and its issuers; checked before anything is signed.</summary>
    Task<SignerCertificate> GetCertificateAsync(CancellationToken cancellationToken);

    /// <summary>Signs; a remote signer returns once the person confirmed on their device, or throws <see cref="SigningException"/> when they refused or the request expired.</summary>
    Task<SignatureValue> SignAsync(SignatureRequest request, CancellationToken cancellationToken);
}

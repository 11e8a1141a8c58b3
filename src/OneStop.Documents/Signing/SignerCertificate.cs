using System.Security.Cryptography.X509Certificates;

namespace OneStop.Documents.Signing;

/// <summary>The certificate a signer signs with and the chain of its issuers (leaf first; the root may be left out).</summary>
public sealed class SignerCertificate
{
    public SignerCertificate(X509Certificate2 certificate, IEnumerable<X509Certificate2>? issuers = null)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        Certificate = certificate;
        Issuers = [.. (issuers ?? []).Where(c => c.Thumbprint != certificate.Thumbprint)];
    }

    public X509Certificate2 Certificate { get; }

    /// <summary>The issuing CA certificates, embedded in the signature so anyone can build the chain.</summary>
    public IReadOnlyList<X509Certificate2> Issuers { get; }

    /// <summary>The signer's name (the certificate's common name).</summary>
    public string Name => Certificate.GetNameInfo(X509NameType.SimpleName, false);

    /// <summary>From a certificate collection (e.g. a PKCS#12 file's): the one with a private key, or else the end-entity one, and the others as its issuers.</summary>
    public static SignerCertificate FromCollection(X509Certificate2Collection certificates)
    {
        ArgumentNullException.ThrowIfNull(certificates);
        var leaf = certificates.FirstOrDefault(c => c.HasPrivateKey)
            ?? certificates.FirstOrDefault(c => !IsCa(c))
            ?? throw new SigningException(SigningErrors.CertificateMissing, "Không tìm thấy chứng thư số của người ký trong tệp.");
        return new SignerCertificate(leaf, certificates.Where(c => c != leaf));
    }

    private static bool IsCa(X509Certificate2 c) =>
        c.Extensions.OfType<X509BasicConstraintsExtension>().Any(b => b.CertificateAuthority);
}

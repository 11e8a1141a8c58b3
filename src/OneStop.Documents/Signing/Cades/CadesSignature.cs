using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace OneStop.Documents.Signing.Cades;

// Builds the detached CMS of a PAdES baseline B signature (ETSI EN 319 142-1, 6.3): SHA-256, signed attributes
// content-type, message-digest and ESS signing-certificate-v2, no signing-time attribute (the claimed time is the
// signature dictionary's /M), the signer's certificate and its issuers embedded.
internal static class CadesSignature
{
    public static byte[] DataToBeSignedDigest(ReadOnlyMemory<byte> content, SignerCertificate signer)
    {
        using var publicKey = signer.Certificate.GetRSAPublicKey()!;
        using var capture = DeferredRsa.Capture(publicKey);
        try
        {
            Compute(content, signer, capture);
        }
        catch (HashCapturedException captured)
        {
            return captured.Hash;
        }

        throw new InvalidOperationException("SignedCms did not ask for a signature.");
    }

    public static SignedCms Assemble(ReadOnlyMemory<byte> content, SignerCertificate signer, byte[] dataToBeSignedDigest, byte[] signature)
    {
        using var publicKey = signer.Certificate.GetRSAPublicKey()!;
        using var replay = DeferredRsa.Replay(publicKey, dataToBeSignedDigest, signature);
        SignedCms cms;
        try
        {
            cms = Compute(content, signer, replay);
        }
        catch (CryptographicException e)
        {
            throw new SigningException(SigningErrors.InvalidSignature,
                $"Chữ ký số trả về không khớp với chứng thư số của {signer.Name} hoặc với văn bản đã chuẩn bị; văn bản chưa được ký.", e);
        }

        return cms;
    }

    private static SignedCms Compute(ReadOnlyMemory<byte> content, SignerCertificate signer, RSA key)
    {
        var cms = new SignedCms(new ContentInfo(content.ToArray()), detached: true);
        var cmsSigner = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, signer.Certificate, key)
        {
            DigestAlgorithm = new Oid(CadesAttributes.Sha256Oid),
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        cmsSigner.Certificates.AddRange(signer.Issuers.ToArray());
        cmsSigner.SignedAttributes.Add(CadesAttributes.SigningCertificateV2(signer.Certificate));
        cms.ComputeSignature(cmsSigner, silent: true);
        return cms;
    }
}

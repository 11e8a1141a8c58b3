using System.Formats.Asn1;
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

    // A detached CMS over a document digest alone, encoded by hand (SignedCms needs the content): what a remote-signing
    // service that builds the CMS itself returns. Same attributes as ours; used by the simulator.
    public static byte[] OverDigest(byte[] documentDigest, SignerCertificate signer, RSA key)
    {
        var attributes = new AsnWriter(AsnEncodingRules.DER);
        using (attributes.PushSetOf())
        {
            Attribute(attributes, "1.2.840.113549.1.9.3", w => w.WriteObjectIdentifier("1.2.840.113549.1.7.1"));
            Attribute(attributes, "1.2.840.113549.1.9.4", w => w.WriteOctetString(documentDigest));
            attributes.WriteEncodedValue(SigningCertificateV2Attribute(signer.Certificate));
        }

        var signedAttributes = attributes.Encode();
        var signature = key.SignData(signedAttributes, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            w.WriteObjectIdentifier("1.2.840.113549.1.7.2");
            using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0, true)))
            using (w.PushSequence())
            {
                w.WriteInteger(1);
                using (w.PushSetOf())
                {
                    Sha256(w);
                }

                using (w.PushSequence())
                {
                    w.WriteObjectIdentifier("1.2.840.113549.1.7.1");
                }

                using (w.PushSetOf(new Asn1Tag(TagClass.ContextSpecific, 0, true)))
                {
                    foreach (var c in new[] { signer.Certificate }.Concat(signer.Issuers))
                    {
                        w.WriteEncodedValue(c.RawData);
                    }
                }

                using (w.PushSetOf())
                using (w.PushSequence())
                {
                    w.WriteInteger(1);
                    using (w.PushSequence())
                    {
                        w.WriteEncodedValue(signer.Certificate.IssuerName.RawData);
                        w.WriteInteger(signer.Certificate.SerialNumberBytes.Span);
                    }

                    Sha256(w);

                    // [0] IMPLICIT SET OF: the same encoding with the SET tag (0x31) replaced by [0] constructed (0xA0).
                    var bytes = (byte[])signedAttributes.Clone();
                    bytes[0] = 0xA0;
                    w.WriteEncodedValue(bytes);
                    using (w.PushSequence())
                    {
                        w.WriteObjectIdentifier("1.2.840.113549.1.1.1");
                        w.WriteNull();
                    }

                    w.WriteOctetString(signature);
                }
            }
        }

        return w.Encode();
    }

    private static void Sha256(AsnWriter w)
    {
        using (w.PushSequence())
        {
            w.WriteObjectIdentifier(CadesAttributes.Sha256Oid);
        }
    }

    private static void Attribute(AsnWriter w, string oid, Action<AsnWriter> value)
    {
        using (w.PushSequence())
        {
            w.WriteObjectIdentifier(oid);
            using (w.PushSetOf())
            {
                value(w);
            }
        }
    }

    private static byte[] SigningCertificateV2Attribute(X509Certificate2 certificate)
    {
        var value = CadesAttributes.SigningCertificateV2(certificate).RawData;
        var w = new AsnWriter(AsnEncodingRules.DER);
        Attribute(w, CadesAttributes.SigningCertificateV2Oid, a => a.WriteEncodedValue(value));
        return w.Encode();
    }
}

using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OneStop.Documents.Signing.Cades;

// The CAdES signed and unsigned attributes PAdES baseline signatures use (ETSI EN 319 122-1, RFC 5035, RFC 3161).
internal static class CadesAttributes
{
    public const string SigningCertificateV2Oid = "1.2.840.113549.1.9.16.2.47";
    public const string SignatureTimeStampOid = "1.2.840.113549.1.9.16.2.14";
    public const string SigningTimeOid = "1.2.840.113549.1.9.5";
    public const string Sha256Oid = "2.16.840.1.101.3.4.2.1";

    // ESS signing-certificate-v2 with the certificate's SHA-256 (the default hash, so no AlgorithmIdentifier) and issuer/serial.
    public static AsnEncodedData SigningCertificateV2(X509Certificate2 certificate)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                using (writer.PushSequence())
                {
                    writer.WriteOctetString(SHA256.HashData(certificate.RawData));
                    using (writer.PushSequence())
                    {
                        using (writer.PushSequence())
                        {
                            // GeneralName directoryName [4] EXPLICIT Name
                            using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 4, isConstructed: true)))
                            {
                                writer.WriteEncodedValue(certificate.IssuerName.RawData);
                            }
                        }

                        writer.WriteInteger(certificate.SerialNumberBytes.Span);
                    }
                }
            }
        }

        return new AsnEncodedData(SigningCertificateV2Oid, writer.Encode());
    }
}

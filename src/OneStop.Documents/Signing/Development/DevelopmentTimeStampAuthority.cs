using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using OneStop.Documents.Signing.Cades;

namespace OneStop.Documents.Signing.Development;

/// <summary>An RFC 3161 time-stamp authority for development and tests: answers a TimeStampReq with a signed token.</summary>
public sealed class DevelopmentTimeStampAuthority(X509Certificate2 certificate, IReadOnlyList<X509Certificate2> issuers, TimeProvider? time = null)
{
    private const string TstInfoOid = "1.2.840.113549.1.9.16.1.4";
    private static readonly Oid Policy = new("1.3.6.1.4.1.99999.1.1");
    private long _serial;

    /// <summary>How many tokens it issued.</summary>
    public long Issued => Interlocked.Read(ref _serial);

    /// <summary>The DER TimeStampResp for a DER TimeStampReq: granted with a token, or rejected (badDataFormat) for a query it cannot read.</summary>
    public byte[] Respond(byte[] query)
    {
        if (!Rfc3161TimestampRequest.TryDecode(query, out var request, out _))
        {
            return Response(2, null);
        }

        Interlocked.Increment(ref _serial);

        // A positive DER integer without redundant leading bytes.
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] = (byte)((serial[0] & 0x7F) | 0x01);
        var info = new Rfc3161TimestampTokenInfo(
            Policy,
            request.HashAlgorithmId,
            request.GetMessageHash(),
            serial,
            (time ?? TimeProvider.System).GetUtcNow(),
            accuracyInMicroseconds: 1_000_000,
            nonce: request.GetNonce());
        var cms = new SignedCms(new ContentInfo(new Oid(TstInfoOid), info.Encode()));
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, certificate)
        {
            DigestAlgorithm = new Oid(CadesAttributes.Sha256Oid),
            IncludeOption = request.RequestSignerCertificate ? X509IncludeOption.EndCertOnly : X509IncludeOption.None,
        };
        if (request.RequestSignerCertificate)
        {
            signer.Certificates.AddRange(issuers.ToArray());
        }

        signer.SignedAttributes.Add(CadesAttributes.SigningCertificateV2(certificate));
        cms.ComputeSignature(signer, silent: true);
        return Response(0, cms.Encode());
    }

    // TimeStampResp ::= SEQUENCE { status PKIStatusInfo, timeStampToken TimeStampToken OPTIONAL }
    private static byte[] Response(int status, byte[]? token)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                writer.WriteInteger(status);
            }

            if (token is not null)
            {
                writer.WriteEncodedValue(token);
            }
        }

        return writer.Encode();
    }
}

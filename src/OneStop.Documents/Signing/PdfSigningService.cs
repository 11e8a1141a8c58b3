using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using OneStop.Documents.Signing.Appearance;
using OneStop.Documents.Signing.Cades;
using OneStop.Documents.Signing.Pdf;
using OneStop.Documents.Signing.TimeStamping;

namespace OneStop.Documents.Signing;

/// <summary>
/// Signs rendered PDFs with PAdES baseline signatures (B-B; B-T when a time-stamp authority is configured), each one an
/// incremental update so that earlier signatures stay valid: first the official who acts, then the agency's seal.
/// Thread-safe.
/// </summary>
public sealed class PdfSigningService(ITimeStampClient? timeStamps = null, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Signs the PDF with each step in order; nothing is returned unless every signature was made.</summary>
    /// <param name="pdf">The rendered PDF (from <see cref="IDocumentRenderer"/>).</param>
    /// <param name="slots">The rendered document's <see cref="RenderedDocument.SignatureSlots"/>.</param>
    public async Task<byte[]> SignAsync(byte[] pdf, IReadOnlyList<SignatureSlot> slots, IReadOnlyList<SigningStep> steps, SignatureDetails details,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(details);

        // Every certificate is checked before the first signature, so a document is never left half-signed.
        var certificates = new List<SignerCertificate>();
        foreach (var step in steps)
        {
            var certificate = await step.Signer.GetCertificateAsync(cancellationToken).ConfigureAwait(false);
            CertificateChecks.EnsureUsable(certificate, _time.GetUtcNow());
            certificates.Add(certificate);
        }

        for (var i = 0; i < steps.Count; i++)
        {
            var prepared = Prepare(pdf, SignaturePlacement.For(slots, steps[i].Appearance), steps[i].Appearance, certificates[i], details);
            var value = await steps[i].Signer.SignAsync(prepared.Request, cancellationToken).ConfigureAwait(false);
            pdf = await CompleteAsync(prepared, value, cancellationToken).ConfigureAwait(false);
        }

        return pdf;
    }

    /// <summary>Adds the signature field and its appearance and returns what must be signed; the signing time is now.</summary>
    public PreparedSignature Prepare(byte[] pdf, SignaturePlacement placement, SignatureAppearance appearance, SignerCertificate signer, SignatureDetails details)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(placement);
        ArgumentNullException.ThrowIfNull(appearance);
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(details);
        var now = _time.GetUtcNow();
        CertificateChecks.EnsureUsable(signer, now);
        SignatureFieldWriter.Placeholder placeholder;
        try
        {
            placeholder = SignatureFieldWriter.Add(pdf, placement, appearance, now, details, Capacity(signer));
        }
        catch (PdfFormatException e)
        {
            throw new SigningException(SigningErrors.UnsupportedDocument, "Không thể ký số tệp này: OneStop chỉ ký các văn bản PDF do chính hệ thống tạo ra.", e);
        }

        var content = SignatureFieldWriter.SignedContent(placeholder.Pdf, placeholder.ContentsStart, placeholder.ContentsEnd);
        return new PreparedSignature
        {
            Pdf = placeholder.Pdf,
            ContentsStart = placeholder.ContentsStart,
            ContentsEnd = placeholder.ContentsEnd,
            DocumentDigest = SHA256.HashData(content),
            DataToBeSignedDigest = CadesSignature.DataToBeSignedDigest(content, signer),
            Certificate = signer.Certificate.RawData,
            Issuers = [.. signer.Issuers.Select(c => c.RawData)],
            FieldName = placeholder.FieldName,
            SigningTime = now,
            DocumentTitle = details.DocumentTitle,
        };
    }

    /// <summary>Puts the signer's answer into the prepared PDF (with a time-stamp token when configured) and returns the signed PDF.</summary>
    public async Task<byte[]> CompleteAsync(PreparedSignature prepared, SignatureValue value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ArgumentNullException.ThrowIfNull(value);
        var signer = new SignerCertificate(
            X509CertificateLoader.LoadCertificate(prepared.Certificate),
            prepared.Issuers.Select(X509CertificateLoader.LoadCertificate));
        var content = SignatureFieldWriter.SignedContent(prepared.Pdf, prepared.ContentsStart, prepared.ContentsEnd);
        var cms = value.Cms is { } made
            ? CheckCms(content, made, signer)
            : CadesSignature.Assemble(content, signer, prepared.DataToBeSignedDigest, value.RawSignature!);

        if (timeStamps is not null && !cms.SignerInfos[0].UnsignedAttributes.Cast<CryptographicAttributeObject>().Any(a => a.Oid.Value == CadesAttributes.SignatureTimeStampOid))
        {
            await TimeStampAsync(cms, cancellationToken).ConfigureAwait(false);
        }

        var encoded = cms.Encode();
        if (encoded.Length > prepared.Capacity)
        {
            throw new SigningException(SigningErrors.InvalidSignature,
                $"Chữ ký số ({encoded.Length} byte) lớn hơn chỗ dành cho nó trong văn bản ({prepared.Capacity} byte); văn bản chưa được ký.");
        }

        var pdf = (byte[])prepared.Pdf.Clone();
        PdfSyntax.Latin1.GetBytes(Convert.ToHexString(encoded)).CopyTo(pdf, prepared.ContentsStart + 1);
        return pdf;
    }

    // Room for the CMS: the certificates, the signature, the attributes, and a time-stamp token with its TSA's chain.
    private int Capacity(SignerCertificate signer)
    {
        using var rsa = signer.Certificate.GetRSAPublicKey()!;
        var certificates = signer.Certificate.RawData.Length + signer.Issuers.Sum(c => c.RawData.Length);
        return 4096 + certificates + (2 * rsa.KeySize / 8) + (timeStamps is null ? 0 : 16384);
    }

    private static SignedCms CheckCms(byte[] content, byte[] cmsBytes, SignerCertificate signer)
    {
        var cms = new SignedCms(new ContentInfo(content), detached: true);
        try
        {
            cms.Decode(cmsBytes);
            cms.CheckSignature(verifySignatureOnly: true);
        }
        catch (CryptographicException e)
        {
            throw new SigningException(SigningErrors.InvalidSignature, "Chữ ký số do dịch vụ ký số từ xa trả về không hợp lệ với văn bản đã chuẩn bị; văn bản chưa được ký.", e);
        }

        if (cms.SignerInfos.Count != 1 || cms.SignerInfos[0].Certificate?.Thumbprint != signer.Certificate.Thumbprint)
        {
            throw new SigningException(SigningErrors.InvalidSignature, $"Chữ ký số trả về không phải của chứng thư số {signer.Name} đã dùng để chuẩn bị văn bản; văn bản chưa được ký.");
        }

        return cms;
    }

    private async Task TimeStampAsync(SignedCms cms, CancellationToken cancellationToken)
    {
        var signerInfo = cms.SignerInfos[0];
        var request = Rfc3161TimestampRequest.CreateFromSignerInfo(signerInfo, HashAlgorithmName.SHA256, requestSignerCertificates: true,
            nonce: RandomNumberGenerator.GetBytes(8));
        byte[] response;
        try
        {
            response = await timeStamps!.RequestAsync(request.Encode(), cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new SigningException(SigningErrors.TimeStampFailed, "Không kết nối được máy chủ cấp dấu thời gian; văn bản chưa được ký.", e);
        }

        Rfc3161TimestampToken token;
        try
        {
            token = request.ProcessResponse(response, out _);
        }
        catch (CryptographicException e)
        {
            throw new SigningException(SigningErrors.TimeStampFailed, "Dấu thời gian nhận được không hợp lệ; văn bản chưa được ký.", e);
        }

        signerInfo.AddUnsignedAttribute(new AsnEncodedData(CadesAttributes.SignatureTimeStampOid, token.AsSignedCms().Encode()));
    }
}

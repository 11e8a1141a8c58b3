using System.Formats.Asn1;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using OneStop.Documents.Signing.Cades;
using OneStop.Documents.Signing.Pdf;

namespace OneStop.Documents.Signing.Verification;

/// <summary>
/// Checks every signature in a PDF: whether the signed bytes are intact, who signed and when, whether later bytes were
/// added, and whether the certificate chains to a trust anchor (the province's CA roots; the development CA in
/// development). Revocation (OCSP/CRL) is not checked: the signatures carry no revocation data (PAdES B-B/B-T). Thread-safe.
/// </summary>
public sealed partial class PdfSignatureVerifier(IEnumerable<X509Certificate2> trustAnchors, TimeProvider? time = null)
{
    private readonly X509Certificate2[] _anchors = [.. trustAnchors];
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public PdfVerificationReport Verify(byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        var sha = Convert.ToHexStringLower(SHA256.HashData(pdf));
        if (pdf.Length < 8 || !pdf.AsSpan(0, 1024 < pdf.Length ? 1024 : pdf.Length).IndexOf("%PDF-"u8).Equals(0))
        {
            return new PdfVerificationReport([], pdf.Length, sha) { Problem = "Tệp không phải là văn bản PDF." };
        }

        var text = PdfSyntax.Latin1.GetString(pdf);
        var found = new List<(long End, Func<ChangesAfterSigning, bool, SignatureVerification> Make)>();
        foreach (Match m in ByteRange().Matches(text))
        {
            if (Read(pdf, text, m.Index) is { } signature)
            {
                found.Add(signature);
            }
        }

        // Oldest first; a signature's later bytes are fine when the newest signature is intact and covers the file.
        found.Sort((a, b) => a.End.CompareTo(b.End));
        var results = new List<SignatureVerification>();
        for (var i = found.Count - 1; i >= 0; i--)
        {
            var covers = found[i].End == pdf.Length;
            var later = results.FirstOrDefault();
            var changes = covers ? ChangesAfterSigning.None
                : later is not null && later.Integrity == SignatureIntegrity.Intact && later.ChangesAfter != ChangesAfterSigning.Modified
                    ? ChangesAfterSigning.LaterSignaturesOnly
                    : ChangesAfterSigning.Modified;
            results.Insert(0, found[i].Make(changes, covers) with { Number = i + 1 });
        }

        return new PdfVerificationReport(results, pdf.Length, sha);
    }

    private (long End, Func<ChangesAfterSigning, bool, SignatureVerification> Make)? Read(byte[] pdf, string text, int byteRangeAt)
    {
        // The signature dictionary around /ByteRange: from the object header before it.
        var objAt = text.LastIndexOf(" obj", byteRangeAt, StringComparison.Ordinal);
        PdfDictionaryText dict;
        int number;
        try
        {
            var lineStart = text.LastIndexOfAny(['\n', '\r'], Math.Max(objAt, 0)) + 1;
            number = PdfSyntax.ParseInt(text, lineStart, out _);
            dict = PdfDictionaryText.Parse(text, objAt + 4, out var end);
            if (end < byteRangeAt)
            {
                return null;
            }
        }
        catch (PdfFormatException)
        {
            return null;
        }

        var problems = new List<string>();
        long[] range;
        try
        {
            var values = (dict["/ByteRange"] ?? "").Trim('[', ']', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries);
            range = [.. values.Select(v => long.Parse(v, NumberStyles.None, CultureInfo.InvariantCulture))];
        }
        catch (FormatException)
        {
            range = [];
        }

        var baseInfo = new SignatureVerification
        {
            Number = 0,
            FieldName = FieldName(text, number),
            Integrity = SignatureIntegrity.Unreadable,
            CoversWholeDocument = false,
            ChangesAfter = ChangesAfterSigning.Modified,
            SignedLength = 0,
            SubFilter = dict["/SubFilter"]?.Trim().TrimStart('/'),
            ClaimedSigningTime = PdfDate(dict["/M"]),
            Reason = TextString(dict["/Reason"]),
            Location = TextString(dict["/Location"]),
            Trust = CertificateTrust.Unknown,
        };

        if (range.Length != 4 || range[0] != 0 || range[1] <= 0 || range[2] <= range[1] || range[2] + range[3] > pdf.Length
            || pdf[range[1]] != '<' || pdf[range[2] - 1] != '>')
        {
            return (range.Length == 4 ? range[2] + range[3] : 0, (changes, covers) => baseInfo with
            {
                Problems = ["Vùng dữ liệu được ký (ByteRange) không hợp lệ; không kiểm tra được chữ ký."],
            });
        }

        var signedLength = range[2] + range[3];
        var content = new byte[range[1] + range[3]];
        pdf.AsSpan(0, (int)range[1]).CopyTo(content);
        pdf.AsSpan((int)range[2], (int)range[3]).CopyTo(content.AsSpan((int)range[1]));
        var result = Check(content, Hex(text, (int)range[1] + 1, (int)range[2] - 1), baseInfo with { SignedLength = signedLength }, problems);
        return (signedLength, (changes, covers) =>
        {
            var extra = new List<string>(result.Problems);
            if (changes == ChangesAfterSigning.Modified)
            {
                extra.Add("Văn bản đã bị thay đổi sau khi ký (có dữ liệu thêm vào sau chữ ký mà không được ký).");
            }

            return result with { ChangesAfter = changes, CoversWholeDocument = covers, Problems = extra };
        });
    }

    private SignatureVerification Check(byte[] content, byte[]? cmsBytes, SignatureVerification info, List<string> problems)
    {
        var cms = new SignedCms(new ContentInfo(content), detached: true);
        try
        {
            cms.Decode(Trim(cmsBytes ?? throw new CryptographicException("no contents")));
        }
        catch (Exception e) when (e is CryptographicException or AsnContentException)
        {
            problems.Add("Không đọc được dữ liệu chữ ký số (CMS).");
            return info with { Problems = problems };
        }

        var signerInfo = cms.SignerInfos.Count > 0 ? cms.SignerInfos[0] : null;
        var certificate = signerInfo?.Certificate;
        var integrity = SignatureIntegrity.Intact;
        try
        {
            cms.CheckSignature(verifySignatureOnly: true);
        }
        catch (CryptographicException)
        {
            integrity = SignatureIntegrity.Altered;
            problems.Add("Chữ ký số không khớp với nội dung: văn bản hoặc chữ ký đã bị thay đổi sau khi ký.");
        }

        var claimed = info.ClaimedSigningTime ?? SigningTime(signerInfo);
        var (stamp, stampValid) = TimeStamp(signerInfo, cms);
        if (stampValid == false)
        {
            problems.Add("Dấu thời gian của chữ ký không hợp lệ.");
        }

        var trust = certificate is null ? CertificateTrust.Unknown : Trust(certificate, cms.Certificates, stampValid == true ? stamp : claimed, problems);
        return info with
        {
            Integrity = integrity,
            SignerName = certificate?.GetNameInfo(X509NameType.SimpleName, false),
            SignerOrganization = certificate is null ? null : Attribute(certificate.SubjectName, "2.5.4.10"),
            Subject = certificate?.Subject,
            Issuer = certificate?.Issuer,
            IssuerName = certificate?.GetNameInfo(X509NameType.SimpleName, true),
            SerialNumber = certificate?.SerialNumber,
            CertificateNotBefore = certificate is null ? null : new DateTimeOffset(certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero),
            CertificateNotAfter = certificate is null ? null : new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero),
            ClaimedSigningTime = claimed,
            TimeStamp = stamp,
            TimeStampValid = stampValid,
            Trust = trust,
            Problems = problems,
        };
    }

    private CertificateTrust Trust(X509Certificate2 certificate, X509Certificate2Collection embedded, DateTimeOffset? at, List<string> problems)
    {
        if (_anchors.Length == 0)
        {
            problems.Add("Chưa cấu hình tổ chức chứng thực chữ ký số tin cậy; không xác định được chứng thư số có hợp lệ hay không.");
            return CertificateTrust.Unknown;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_anchors);
        chain.ChainPolicy.ExtraStore.AddRange(embedded);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = (at ?? _time.GetUtcNow()).UtcDateTime;
        if (chain.Build(certificate))
        {
            return CertificateTrust.Trusted;
        }

        var flags = chain.ChainStatus.Aggregate(X509ChainStatusFlags.NoError, (f, s) => f | s.Status);
        if ((flags & (X509ChainStatusFlags.UntrustedRoot | X509ChainStatusFlags.PartialChain)) != 0)
        {
            problems.Add("Chứng thư số không do tổ chức chứng thực chữ ký số tin cậy cấp.");
        }

        if ((flags & X509ChainStatusFlags.NotTimeValid) != 0)
        {
            problems.Add("Chứng thư số (hoặc chứng thư của tổ chức cấp) không có hiệu lực vào thời điểm ký.");
        }

        if ((flags & ~(X509ChainStatusFlags.UntrustedRoot | X509ChainStatusFlags.PartialChain | X509ChainStatusFlags.NotTimeValid)) != 0)
        {
            problems.Add("Chuỗi chứng thư số không hợp lệ.");
        }

        return CertificateTrust.Untrusted;
    }

    private static (DateTimeOffset? Time, bool? Valid) TimeStamp(SignerInfo? signerInfo, SignedCms cms)
    {
        var attribute = signerInfo?.UnsignedAttributes.Cast<CryptographicAttributeObject>().FirstOrDefault(a => a.Oid.Value == CadesAttributes.SignatureTimeStampOid);
        if (attribute is null || attribute.Values.Count == 0)
        {
            return (null, null);
        }

        if (!Rfc3161TimestampToken.TryDecode(attribute.Values[0].RawData, out var token, out _))
        {
            return (null, false);
        }

        var valid = token.VerifySignatureForSignerInfo(signerInfo!, out _, cms.Certificates);
        return (token.TokenInfo.Timestamp, valid);
    }

    private static DateTimeOffset? SigningTime(SignerInfo? signerInfo) =>
        signerInfo?.SignedAttributes.Cast<CryptographicAttributeObject>()
            .Where(a => a.Oid.Value == CadesAttributes.SigningTimeOid)
            .SelectMany(a => a.Values.Cast<AsnEncodedData>())
            .Select(v => (DateTimeOffset?)new Pkcs9SigningTime(v.RawData).SigningTime)
            .FirstOrDefault();

    private static string? Attribute(X500DistinguishedName name, string oid) =>
        name.EnumerateRelativeDistinguishedNames().FirstOrDefault(r => r.GetSingleElementType().Value == oid)?.GetSingleElementValue();

    private static string? FieldName(string text, int signatureNumber)
    {
        var m = Regex.Match(text, $@"/V\s*{signatureNumber}\s+0\s+R", RegexOptions.None, TimeSpan.FromSeconds(1));
        if (!m.Success)
        {
            return null;
        }

        var objAt = text.LastIndexOf(" obj", m.Index, StringComparison.Ordinal);
        try
        {
            return PdfDictionaryText.Parse(text, objAt + 4, out _)["/T"] is { } t && t.StartsWith('(') ? t[1..^1] : null;
        }
        catch (PdfFormatException)
        {
            return null;
        }
    }

    private static byte[]? Hex(string text, int start, int end)
    {
        try
        {
            var hex = text[start..end].Replace("\n", "", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
            return Convert.FromHexString(hex.Length % 2 == 0 ? hex : hex + "0");
        }
        catch (FormatException)
        {
            return null;
        }
    }

    // The placeholder is padded with zeros after the DER value.
    private static byte[] Trim(byte[] der)
    {
        AsnDecoder.ReadEncodedValue(der, AsnEncodingRules.BER, out _, out _, out var consumed);
        return der[..consumed];
    }

    // PDF text strings: UTF-16BE with BOM (hex or literal) or PDFDocEncoding (close enough to Latin-1 for display).
    private static string? TextString(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        value = value.Trim();
        byte[] bytes;
        if (value.StartsWith('<'))
        {
            bytes = Convert.FromHexString(value[1..^1]);
        }
        else if (value.StartsWith('('))
        {
            bytes = PdfSyntax.Latin1.GetBytes(Regex.Unescape(value[1..^1].Replace("\\(", "(", StringComparison.Ordinal).Replace("\\)", ")", StringComparison.Ordinal)));
        }
        else
        {
            return null;
        }

        return bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF
            ? Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2)
            : PdfSyntax.Latin1.GetString(bytes);
    }

    private static DateTimeOffset? PdfDate(string? value)
    {
        var s = TextString(value);
        var m = s is null ? null : Regex.Match(s, @"^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([+\-Z])(\d{2})?'?(\d{2})?'?)?");
        if (m is null || !m.Success)
        {
            return null;
        }

        int Part(int i, int fallback) => m.Groups[i].Success ? int.Parse(m.Groups[i].Value, CultureInfo.InvariantCulture) : fallback;
        var offset = m.Groups[7].Value switch
        {
            "+" => new TimeSpan(Part(8, 0), Part(9, 0), 0),
            "-" => -new TimeSpan(Part(8, 0), Part(9, 0), 0),
            _ => TimeSpan.Zero,
        };
        try
        {
            return new DateTimeOffset(Part(1, 1), Part(2, 1), Part(3, 1), Part(4, 0), Part(5, 0), Part(6, 0), offset);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"/ByteRange\s*\[")]
    private static partial Regex ByteRange();
}

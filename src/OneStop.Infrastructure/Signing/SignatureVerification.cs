using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using OneStop.Documents.Signing.Verification;

namespace OneStop.Infrastructure.Signing;

/// <summary>Checks the digital signatures of a presented PDF against the roots the province accepts (uploaded, and Signing:TrustAnchors).</summary>
public sealed class SignatureVerification(SigningCredentials credentials, IOptions<SigningOptions> options, TimeProvider clock)
{
    /// <summary>What anyone may see of one signature (the signer's name and organisation, never the certificate's full subject).</summary>
    public sealed record SignatureView(int Number, string? SignerName, string? Organization, string? IssuerName, DateTimeOffset? SignedAt,
        DateTimeOffset? TimeStamp, string Integrity, bool CoversWholeDocument, string ChangesAfter, string Trust, bool IsValid,
        IReadOnlyList<string> Problems);

    /// <summary>All the signatures of the file, oldest first, and whether the file as a whole is validly signed.</summary>
    public sealed record Report(bool IsSigned, bool IsValid, string? Problem, IReadOnlyList<SignatureView> Signatures);

    public async Task<Report> VerifyAsync(byte[] pdf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        var anchors = new List<X509Certificate2>();
        try
        {
            foreach (var anchor in await credentials.TrustAnchorsAsync(cancellationToken))
            {
                anchors.Add(X509CertificateLoader.LoadCertificate(anchor.Certificate));
            }

            foreach (var path in options.Value.TrustAnchors.Where(File.Exists))
            {
                anchors.Add(LoadFile(path));
            }

            var report = new PdfSignatureVerifier(anchors, clock).Verify(pdf);
            return new Report(report.IsSigned, report.IsValid, report.Problem, [.. report.Signatures.Select(s => new SignatureView(
                s.Number, s.SignerName, s.SignerOrganization, s.IssuerName, s.ClaimedSigningTime, s.TimeStamp, s.Integrity.ToString(),
                s.CoversWholeDocument, s.ChangesAfter.ToString(), s.Trust.ToString(), s.IsValid, s.Problems))]);
        }
        finally
        {
            foreach (var anchor in anchors)
            {
                anchor.Dispose();
            }
        }
    }

    /// <summary>A PEM or DER certificate file.</summary>
    public static X509Certificate2 LoadFile(string path)
    {
        var text = File.ReadAllText(path);
        return text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal)
            ? X509Certificate2.CreateFromPem(text)
            : X509CertificateLoader.LoadCertificateFromFile(path);
    }
}

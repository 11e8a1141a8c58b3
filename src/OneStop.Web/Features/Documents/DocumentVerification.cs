using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using OneStop.Core.Common;
using OneStop.Core.Documents;
using OneStop.Infrastructure.Data;

namespace OneStop.Web.Features.Documents;

/// <summary>
/// What anyone may learn about an issued document, with personal data masked (never any digit of the ID number, nor anything the
/// public look-up asks for), and whether a presented file is it.
/// </summary>
public sealed class DocumentVerification(OneStopDbContext db, Infrastructure.Signing.SignatureVerification signatures)
{
    public sealed record Result(
        Guid Id, string Kind, string Title, string Reference, string VerificationCode, string Sha256, DateTimeOffset IssuedAt,
        string Agency, string? DossierCode, string? Procedure, string? ApplicantName,
        string? ReplacesCode, string? ReplacedByCode, bool? FileMatches);

    /// <summary>Finds a document by id or by the short code printed under its QR code.</summary>
    public async Task<Result?> FindAsync(string key, string? presentedSha256, CancellationToken cancellationToken)
    {
        var code = key.Trim().ToUpperInvariant();
        var document = Guid.TryParse(key, out var id)
            ? await db.IssuedDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken)
            : await db.IssuedDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.VerificationCode == code, cancellationToken);
        return document is null ? null : await DescribeAsync(document, presentedSha256, cancellationToken);
    }

    /// <summary>What a presented file is: the issued document it is (by the code given, else by its bytes), whether it matches, and its signatures.</summary>
    public sealed record FileCheck(Result? Document, bool Matches, Infrastructure.Signing.SignatureVerification.Report Signatures);

    /// <summary>Checks a presented file: every digital signature in it, and whether its bytes are a document OneStop issued.</summary>
    public async Task<FileCheck> CheckFileAsync(byte[] content, string? key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        Result? document;
        if (!string.IsNullOrWhiteSpace(key))
        {
            document = await FindAsync(key, hash, cancellationToken);
        }
        else
        {
            var issued = await db.IssuedDocuments.AsNoTracking().Where(d => d.Sha256 == hash).OrderBy(d => d.IssuedAt).FirstOrDefaultAsync(cancellationToken);
            document = issued is null ? null : await DescribeAsync(issued, hash, cancellationToken);
        }

        var report = await signatures.VerifyAsync(content, cancellationToken);
        return new FileCheck(document, document?.FileMatches == true, report);
    }

    public static async Task<string> HashAsync(Stream content, CancellationToken cancellationToken) =>
        Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken));

    private async Task<Result> DescribeAsync(IssuedDocument document, string? presentedSha256, CancellationToken cancellationToken)
    {
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == document.AgencyId).Select(a => a.Name).SingleAsync(cancellationToken);
        var dossier = document.DossierId is { } dossierId
            ? await db.Dossiers.AsNoTracking().Where(d => d.Id == dossierId)
                .Select(d => new { d.Code, d.Applicant.FullName, Procedure = db.Procedures.Where(p => p.Id == d.ProcedureId).Select(p => p.Name).Single() })
                .SingleOrDefaultAsync(cancellationToken)
            : null;
        var replaces = document.ReplacesId is { } replacedId
            ? await db.IssuedDocuments.Where(d => d.Id == replacedId).Select(d => d.VerificationCode).SingleOrDefaultAsync(cancellationToken)
            : null;
        var replacedBy = await db.IssuedDocuments.Where(d => d.ReplacesId == document.Id).Select(d => d.VerificationCode).FirstOrDefaultAsync(cancellationToken);
        bool? matches = string.IsNullOrWhiteSpace(presentedSha256)
            ? null
            : string.Equals(presentedSha256.Trim(), document.Sha256, StringComparison.OrdinalIgnoreCase);
        return new Result(document.Id, document.Kind, document.Title, document.Reference, document.VerificationCode, document.Sha256,
            document.IssuedAt, agency, dossier?.Code, dossier?.Procedure, MaskName(dossier?.FullName), replaces, replacedBy, matches);
    }

    /// <summary>"Nguyễn Văn An" → "Nguyễn V. A.": enough to recognise, not enough to collect.</summary>
    public static string? MaskName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Select((w, i) => i == 0 ? w : w[..1] + "."));
    }
}

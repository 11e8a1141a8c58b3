using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneStop.Core.Common;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Documents;
using OneStop.Web.Features.Documents;
using OneStop.Web.Hosting;

namespace OneStop.Web.Api;

/// <summary>Documents officials issue on demand (control slip, apology, corrections) and the counter's register.</summary>
internal static class OfficialDocumentEndpoints
{
    public sealed record IssueDocumentRequest(string Kind, string? Comment, DateTimeOffset? NewDueAt, Guid? Replaces);

    public sealed record IssuedDocumentResponse(Guid Id, string Kind, string Title, string VerificationCode, string Sha256, DateTimeOffset IssuedAt, Guid? Replaces);

    public static void MapOfficialDocumentEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapPost("/dossiers/{id:guid}/documents", IssueAsync).RequireAuthorization(AuthenticationExtensions.OfficialPolicy)
            .WithTags("Documents").WithName("IssueDossierDocument")
            .WithSummary("Cán bộ phát hành văn bản cho hồ sơ: phiếu kiểm soát (controlSlip), văn bản xin lỗi (apology, cần newDueAt), hoặc bản đính chính (replaces).");
        v1.MapGet("/register", RegisterAsync).RequireAuthorization(AuthenticationExtensions.OfficialPolicy)
            .WithTags("Documents").WithName("Register").WithSummary("Sổ theo dõi hồ sơ của cơ quan trong khoảng thời gian (format=pdf|csv).");
    }

    private static async Task<Results<Created<IssuedDocumentResponse>, NotFound, ProblemHttpResult>> IssueAsync(
        Guid id, IssueDocumentRequest request, ClaimsPrincipal user, OneStopDbContext db, DossierAccess access, DocumentIssuer issuer,
        CancellationToken cancellationToken)
    {
        var dossier = await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (dossier?.Code is null || !await access.CanSeeAsync(user, dossier, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var kind = request.Kind;
        if (request.Replaces is { } replaced)
        {
            kind = await db.IssuedDocuments.Where(d => d.Id == replaced && d.DossierId == id).Select(d => d.Kind).SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Không tìm thấy văn bản cần đính chính trong hồ sơ này.");
        }
        else if (kind is not ("controlSlip" or "apology"))
        {
            return TypedResults.Problem("Chỉ phát hành trực tiếp phiếu kiểm soát (controlSlip) hoặc văn bản xin lỗi (apology); các văn bản khác do quy trình phát hành.",
                statusCode: 400, title: "Loại văn bản không hợp lệ", type: "https://onestop.vn/errors/document.kind_not_direct");
        }

        var document = await issuer.IssueAsync(new IssueRequest(dossier.Code, kind)
        {
            IssuedBy = user.FindFirstValue(ClaimTypes.NameIdentifier),
            Comment = request.Comment,
            NewDueAt = request.NewDueAt,
            Replaces = request.Replaces,
        }, cancellationToken);
        return TypedResults.Created($"/api/v1/dossiers/{id}/documents/{document.Id}", new IssuedDocumentResponse(document.Id, document.Kind,
            document.Title, document.VerificationCode, document.Sha256, document.IssuedAt, document.ReplacesId));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> RegisterAsync(
        DateOnly from, DateOnly to, string? format, ClaimsPrincipal user, RegisterExporter exporter, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(user.FindFirstValue("agency"), out var agencyId))
        {
            return TypedResults.Problem("Tài khoản không thuộc cơ quan nào.", statusCode: 403, title: "Không có quyền");
        }

        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        var document = await exporter.ExportAsync(agencyId, from, to, csv, cancellationToken);
        return TypedResults.File(document.Content, document.ContentType, $"so-theo-doi-{from:yyyyMMdd}-{to:yyyyMMdd}.{(csv ? "csv" : "pdf")}");
    }
}

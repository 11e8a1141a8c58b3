using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneStop.Core.Common;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Documents;
using OneStop.Web.Features.Documents;
using OneStop.Web.Features.Workspace;
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
        WorkspaceActions workspace, OfficialContext officials, CancellationToken cancellationToken)
    {
        var dossier = await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (dossier?.Code is null || !await access.CanSeeAsync(user, dossier, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        // Documents on demand speak for the agency that received the dossier: an agency handling one step (liên thông) sees the
        // dossier but does not apologise or correct on its behalf.
        if (!Guid.TryParse(user.FindFirstValue("agency"), out var agencyId) || agencyId != dossier.AgencyId)
        {
            return TypedResults.Problem("Chỉ cơ quan tiếp nhận hồ sơ phát hành văn bản này.", statusCode: 403, title: "Không có quyền",
                type: "https://onestop.vn/errors/document.not_owner");
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

        if (kind == "apology" && request.Replaces is null)
        {
            // The same path as the workspace's apology form: the new date is tracked on the dossier, which still counts as late.
            if (request.NewDueAt is not { } newDueAt)
            {
                return TypedResults.Problem("Văn bản xin lỗi cần ngày hẹn trả mới (newDueAt).", statusCode: 400, title: "Thiếu ngày hẹn mới",
                    type: "https://onestop.vn/errors/apology.date_required");
            }

            // Journaled like every action: who, when and from where (the official as the engine knows them, with the client's address).
            if (await officials.ActorAsync(user, cancellationToken) is not { } actor)
            {
                return TypedResults.Problem("Chỉ cán bộ tiếp nhận, chuyên viên hoặc lãnh đạo của cơ quan phát hành văn bản xin lỗi.", statusCode: 403,
                    title: "Không có quyền", type: "https://onestop.vn/errors/apology.not_official");
            }

            var apology = await workspace.ApologiseAsync(dossier.Id, actor,
                DateOnly.FromDateTime(newDueAt.ToOffset(TimeSpan.FromHours(7)).DateTime), request.Comment, cancellationToken);
            return TypedResults.Created($"/api/v1/dossiers/{id}/documents/{apology.Id}", new IssuedDocumentResponse(apology.Id, apology.Kind,
                apology.Title, apology.VerificationCode, apology.Sha256, apology.IssuedAt, apology.ReplacesId));
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
        DateOnly from, DateOnly to, string? format, ClaimsPrincipal user, RegisterExporter exporter, OneStop.Infrastructure.Audit.PersonalDataReads reads,
        CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(user.FindFirstValue("agency"), out var agencyId))
        {
            return TypedResults.Problem("Tài khoản không thuộc cơ quan nào.", statusCode: 403, title: "Không có quyền");
        }

        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        var document = await exporter.ExportAsync(agencyId, from, to, csv, cancellationToken);
        await reads.RegisterAsync(agencyId, from, to, csv ? "csv" : "pdf", cancellationToken);
        return TypedResults.File(document.Content, document.ContentType, $"so-theo-doi-{from:yyyyMMdd}-{to:yyyyMMdd}.{(csv ? "csv" : "pdf")}");
    }
}

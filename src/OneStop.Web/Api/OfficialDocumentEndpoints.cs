using Microsoft.AspNetCore.Http.HttpResults;
using OneStop.Application.Common;
using OneStop.Application.Workspace;
using OneStop.Core.Common;
using OneStop.Core.Documents;
using OneStop.Infrastructure.Documents;
using OneStop.Web.Hosting;
using OneStop.Workflows.Definitions;

namespace OneStop.Web.Api;

/// <summary>Documents officials issue on demand (control slip, apology, corrections) and the counter's register.</summary>
internal static class OfficialDocumentEndpoints
{
    public sealed record IssueDocumentRequest(string Kind, string? Comment, DateTimeOffset? NewDueAt, Guid? Replaces);

    public sealed record IssuedDocumentResponse(Guid Id, string Kind, string Title, string VerificationCode, string Sha256, DateTimeOffset IssuedAt, Guid? Replaces);

    /// <summary>
    /// 202: the document waits for its official's confirmation on the device ("chờ ký số"); <c>documentId</c> is the id it will have, and the
    /// dossier's <c>signatures</c> (GET /api/v1/workspace/dossiers/{id}) show how it stands.
    /// </summary>
    public sealed record AwaitingSignatureResponse(Guid SignatureId, Guid DocumentId, string Kind, string Title, DateTimeOffset ExpiresAt, Guid? Replaces,
        string Message);

    public static void MapOfficialDocumentEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapPost("/dossiers/{id:guid}/documents", IssueAsync).RequireAuthorization(AuthenticationExtensions.OfficialPolicy)
            .WithTags("Documents").WithName("IssueDossierDocument")
            .WithSummary("Cán bộ phát hành văn bản cho hồ sơ: phiếu kiểm soát (controlSlip), văn bản xin lỗi (apology, cần newDueAt), hoặc bản đính chính (replaces: chỉ lãnh đạo cơ quan tiếp nhận, cần comment nêu lý do). 201 khi đã phát hành; 202 khi cán bộ ký số từ xa và văn bản chờ xác nhận trên thiết bị.");
        v1.MapGet("/register", RegisterAsync).RequireAuthorization(AuthenticationExtensions.OfficialPolicy)
            .WithTags("Documents").WithName("Register").WithSummary("Sổ theo dõi hồ sơ của cơ quan trong khoảng thời gian (format=pdf|csv).");
    }

    /// <summary>The use cases behind POST /dossiers/{id}/documents.</summary>
    internal sealed record IssueServices(Apologise Apologise, ReissueDocument Reissue, IssueControlSlip ControlSlip);

    private static async Task<Results<Created<IssuedDocumentResponse>, Accepted<AwaitingSignatureResponse>, ProblemHttpResult>> IssueAsync(
        Guid id, IssueDocumentRequest request, [AsParameters] IssueServices services, CancellationToken cancellationToken)
    {
        IssueOutcome result;
        if (request.Replaces is { } replaced)
        {
            // A correction is a leader's decision, journaled; /verify of both documents names the other.
            result = await services.Reissue.ExecuteAsync(new ReissueDocumentCommand(id, replaced, request.Comment), cancellationToken);
        }
        else if (request.Kind == DocumentKinds.Apology)
        {
            // The same path as the workspace's apology form: the new date is tracked on the dossier, which still counts as late.
            if (request.NewDueAt is not { } newDueAt)
            {
                return TypedResults.Problem("Văn bản xin lỗi cần ngày hẹn trả mới (newDueAt).", statusCode: 400, title: "Thiếu ngày hẹn mới",
                    type: "https://onestop.vn/errors/apology.date_required");
            }

            result = await services.Apologise.ExecuteAsync(new ApologiseCommand(id, VietnamTime.DateOf(newDueAt), request.Comment), cancellationToken);
        }
        else if (request.Kind == DocumentKinds.ControlSlip)
        {
            result = await services.ControlSlip.ExecuteAsync(new IssueControlSlipCommand(id), cancellationToken);
        }
        else
        {
            return TypedResults.Problem("Chỉ phát hành trực tiếp phiếu kiểm soát (controlSlip) hoặc văn bản xin lỗi (apology); các văn bản khác do quy trình phát hành.",
                statusCode: 400, title: "Loại văn bản không hợp lệ", type: "https://onestop.vn/errors/document.kind_not_direct");
        }

        if (result.AwaitingSignature is { } pending)
        {
            // The official confirms on their device; the document (with this id) is issued once signed, and the dossier lists it as waiting.
            return TypedResults.Accepted($"/api/v1/workspace/dossiers/{id}", new AwaitingSignatureResponse(pending.Id, pending.DocumentId, pending.Kind,
                pending.Title, pending.ExpiresAt, pending.ReplacesId, result.AwaitingMessage));
        }

        var document = result.Document!;
        return TypedResults.Created($"/api/v1/dossiers/{id}/documents/{document.Id}", new IssuedDocumentResponse(document.Id, document.Kind,
            document.Title, document.VerificationCode, document.Sha256, document.IssuedAt, document.ReplacesId));
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> RegisterAsync(
        DateOnly from, DateOnly to, string? format, ICurrentUser user, RegisterExporter exporter, OneStop.Infrastructure.Audit.PersonalDataReads reads,
        CancellationToken cancellationToken)
    {
        if (user.AgencyId is not { } agencyId)
        {
            return TypedResults.Problem("Tài khoản không thuộc cơ quan nào.", statusCode: 403, title: "Không có quyền");
        }

        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        var document = await exporter.ExportAsync(agencyId, from, to, csv, cancellationToken);
        await reads.RegisterAsync(agencyId, from, to, csv ? "csv" : "pdf", cancellationToken);
        return TypedResults.File(document.Content, document.ContentType, $"so-theo-doi-{from:yyyyMMdd}-{to:yyyyMMdd}.{(csv ? "csv" : "pdf")}");
    }
}

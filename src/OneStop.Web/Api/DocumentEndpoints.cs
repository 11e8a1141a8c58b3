using Microsoft.AspNetCore.Http.HttpResults;
using OneStop.Application.Dossiers;
using OneStop.Web.Features.Documents;

namespace OneStop.Web.Api;

/// <summary>Issued documents: download for those who may see the dossier, verification for anyone.</summary>
internal static class DocumentEndpoints
{
    private const long MaxVerifyUpload = 20 * 1024 * 1024;

    public static void MapDocumentEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapGet("/dossiers/{id:guid}/documents/{documentId:guid}", DownloadAsync).RequireAuthorization()
            .WithTags("Documents").WithName("DownloadDossierDocument").WithSummary("Tải văn bản đã phát hành của hồ sơ (PDF).");
        v1.MapGet("/dossiers/{id:guid}/attachments/{attachmentId:guid}", AttachmentAsync).RequireAuthorization()
            .WithTags("Documents").WithName("ViewAttachment").WithSummary("Xem/tải tệp đính kèm của hồ sơ (PDF, ảnh) trong trình duyệt.");
        var verify = v1.MapGroup("/verify").WithTags("Verification").AllowAnonymous().RequireRateLimiting(OneStop.Web.Security.RateLimits.Verify);
        verify.MapGet("/{key}", VerifyAsync).WithName("VerifyDocument")
            .WithSummary("Xác thực văn bản theo mã; tùy chọn so khớp mã băm SHA-256 của tệp (sha256=).");
        verify.MapPost("/", CheckFileAsync).DisableAntiforgery().WithName("VerifyFile")
            .WithSummary("Kiểm tra một tệp PDF (multipart, trường 'file'): chữ ký số trong tệp (còn nguyên vẹn, người ký, thời điểm ký, được tin cậy) và tệp có đúng là văn bản OneStop đã phát hành.");
        verify.MapPost("/{key}", VerifyFileAsync).DisableAntiforgery().WithName("VerifyDocumentFile")
            .WithSummary("Xác thực văn bản bằng cách tải lên tệp PDF (multipart, trường 'file').");
    }

    public static async Task<Results<FileContentHttpResult, NotFound>> DownloadAsync(
        Guid id, Guid documentId, DossierDownloads downloads, CancellationToken cancellationToken) =>
        await downloads.DocumentAsync(id, documentId, cancellationToken) is { } document
            ? TypedResults.File(document.Content, "application/pdf", document.FileName)
            : TypedResults.NotFound();

    public static async Task<Results<FileStreamHttpResult, NotFound>> AttachmentAsync(
        Guid id, Guid attachmentId, DossierDownloads downloads, CancellationToken cancellationToken) =>
        await downloads.AttachmentAsync(id, attachmentId, cancellationToken) is { } file
            // Inline so PDFs and images open in the browser; the type was decided from the content when it was uploaded.
            ? TypedResults.Stream(file.Content, file.ContentType, fileDownloadName: null, enableRangeProcessing: true)
            : TypedResults.NotFound();

    private static async Task<Results<Ok<DocumentVerification.Result>, ProblemHttpResult>> VerifyAsync(
        string key, string? sha256, DocumentVerification verification, CancellationToken cancellationToken) =>
        await verification.FindAsync(key, sha256, cancellationToken) is { } result ? TypedResults.Ok(result) : NotIssued();

    private static async Task<Results<Ok<DocumentVerification.Result>, ProblemHttpResult>> VerifyFileAsync(
        string key, IFormFile? file, DocumentVerification verification, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0 || file.Length > MaxVerifyUpload)
        {
            return TypedResults.Problem("Hãy gửi tệp PDF cần kiểm tra (trường 'file', tối đa 20 MB).", statusCode: 400,
                title: "Thiếu tệp", type: "https://onestop.vn/errors/verify.file_required");
        }

        await using var stream = file.OpenReadStream();
        var hash = await DocumentVerification.HashAsync(stream, cancellationToken);
        return await verification.FindAsync(key, hash, cancellationToken) is { } result ? TypedResults.Ok(result) : NotIssued();
    }

    private static async Task<Results<Ok<DocumentVerification.FileCheck>, ProblemHttpResult>> CheckFileAsync(
        IFormFile? file, DocumentVerification verification, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0 || file.Length > MaxVerifyUpload)
        {
            return TypedResults.Problem("Hãy gửi tệp PDF cần kiểm tra (trường 'file', tối đa 20 MB).", statusCode: 400,
                title: "Thiếu tệp", type: "https://onestop.vn/errors/verify.file_required");
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        return TypedResults.Ok(await verification.CheckFileAsync(buffer.ToArray(), null, cancellationToken));
    }

    private static ProblemHttpResult NotIssued() => TypedResults.Problem(
        "Không có văn bản nào với mã này: văn bản không do OneStop phát hành.", statusCode: 404,
        title: "Không tìm thấy văn bản", type: "https://onestop.vn/errors/document.not_issued");
}

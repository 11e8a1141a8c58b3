using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OneStop.Application.Common;
using OneStop.Application.Dossiers;
using OneStop.Core.Dossiers;
using OneStop.Core.Identity;
using OneStop.Infrastructure.Files;

namespace OneStop.Web.Api;

/// <summary>/api/v1/dossiers: a citizen's own dossiers, from draft to result; /api/v1/lookup for anyone with the code.</summary>
internal static class DossierEndpoints
{
    private const long MaxUploadRequest = 12 * 1024 * 1024;

    public sealed record CreateDossierRequest(string ProcedureCode, string? AgencyCode, JsonElement? FormData);

    public sealed record UpdateDossierRequest(JsonElement FormData);

    /// <summary>The supplement's comment and, optionally, documents picked from the citizen's own store for required documents.</summary>
    public sealed record ResubmitRequest(string? Comment, IReadOnlyList<StorePick>? FromStore = null);

    /// <summary>A required document (documentCode) answered with a document of the citizen's store (storedDocumentId).</summary>
    public sealed record StorePick(string? DocumentCode, Guid? StoredDocumentId);

    public sealed record WithdrawRequest(string? Reason);

    public sealed record Submitted(Guid Id, string? Code, string Status, DateTimeOffset? DueAt);

    public static void MapDossierEndpoints(this RouteGroupBuilder v1)
    {
        var dossiers = v1.MapGroup("/dossiers").WithTags("Dossiers").RequireAuthorization(policy => policy.RequireRole(Roles.Citizen))
            .RequireRateLimiting(OneStop.Web.Security.RateLimits.Submit);
        dossiers.MapPost("/", CreateAsync).WithName("CreateDossier")
            .WithSummary("Tạo hồ sơ nháp (mã thủ tục, dữ liệu tờ khai). Header Idempotency-Key: gửi lại cùng khóa trả về cùng hồ sơ.");
        dossiers.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateDossier").WithSummary("Cập nhật tờ khai của hồ sơ nháp.");
        dossiers.MapPost("/{id:guid}/attachments", AttachAsync).DisableAntiforgery().RequireRateLimiting(OneStop.Web.Security.RateLimits.Upload).WithName("AttachFile")
            .WithMetadata(new RequestSizeLimitAttribute(MaxUploadRequest))
            .WithSummary("Đính kèm tệp (multipart: documentCode, file) — PDF, JPEG, PNG, kiểm tra theo nội dung. Header Idempotency-Key: gửi lại cùng khóa, cùng tệp trả về cùng tệp đính kèm, không lưu hai lần.");
        dossiers.MapPost("/{id:guid}/submit", SubmitAsync).WithName("SubmitDossier").WithSummary("Nộp hồ sơ: kiểm tra, cấp mã hồ sơ, bắt đầu quy trình.");
        dossiers.MapPost("/{id:guid}/resubmit", ResubmitAsync).WithName("ResubmitDossier").WithSummary("Nộp bổ sung sau khi được yêu cầu bổ sung (ý kiến; fromStore: giấy tờ chọn từ kho dữ liệu của công dân, [{documentCode, storedDocumentId}]).");
        dossiers.MapPost("/{id:guid}/withdraw", WithdrawAsync).WithName("WithdrawDossier")
            .WithSummary("Rút hồ sơ trước khi có quyết định (bắt buộc nêu lý do).");
        dossiers.MapGet("/", MineAsync).WithName("MyDossiers").WithSummary("Hồ sơ của tôi.");
        dossiers.MapGet("/{id:guid}", GetAsync).WithName("GetDossier").WithSummary("Trạng thái, tiến trình, văn bản của hồ sơ.");
        v1.MapGet("/lookup/{code}", LookupAsync).AllowAnonymous().RequireRateLimiting(OneStop.Web.Security.RateLimits.Lookup).WithTags("Dossiers").WithName("LookupDossier")
            .WithSummary("Tra cứu không cần đăng nhập: mã hồ sơ + mã tra cứu in trên giấy tiếp nhận (key) → trạng thái và ngày hẹn trả.");
    }

    private static string FormJson(JsonElement? data) => data is { ValueKind: JsonValueKind.Object } value ? value.GetRawText() : "{}";

    private static Submitted Summary(Dossier d) => new(d.Id, d.Code, d.Status.ToString(), d.DueAt);

    private static async Task<Created<Submitted>> CreateAsync(CreateDossierRequest request, CreateDraft create,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, CancellationToken cancellationToken)
    {
        var draft = await create.ExecuteAsync(new CreateDraftCommand(request.ProcedureCode ?? string.Empty, request.AgencyCode, FormJson(request.FormData),
            idempotencyKey), cancellationToken);
        return TypedResults.Created($"/api/v1/dossiers/{draft.Id}", Summary(draft));
    }

    private static async Task<Ok<Submitted>> UpdateAsync(Guid id, UpdateDossierRequest request, UpdateDraft update, CancellationToken cancellationToken) =>
        TypedResults.Ok(Summary(await update.ExecuteAsync(new UpdateDraftCommand(id, FormJson(request.FormData)), cancellationToken)));

    private static async Task<Results<Created<DossierViews.AttachmentInfo>, ProblemHttpResult>> AttachAsync(
        Guid id, [FromForm] string? documentCode, IFormFile? file, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, AttachFile attach,
        CancellationToken cancellationToken)
    {
        if (file is null || string.IsNullOrWhiteSpace(documentCode))
        {
            return TypedResults.Problem("Gửi multipart gồm 'documentCode' (mã thành phần hồ sơ) và 'file'.", statusCode: 400,
                title: "Thiếu tệp hoặc mã giấy tờ", type: "https://onestop.vn/errors/attachment.missing");
        }

        await using var content = file.OpenReadStream();
        var attachment = await attach.ExecuteAsync(new AttachFileCommand(id, documentCode, new Upload(file.FileName, content), idempotencyKey),
            cancellationToken);
        return TypedResults.Created($"/api/v1/dossiers/{id}", new DossierViews.AttachmentInfo(attachment.Id, attachment.DocumentCode,
            attachment.FileName, attachment.ContentType, attachment.Size, attachment.Sha256));
    }

    private static async Task<Ok<Submitted>> SubmitAsync(Guid id, SubmitDossier submit, DossierViews views, CancellationToken cancellationToken)
    {
        var dossier = await submit.ExecuteAsync(new SubmitDossierCommand(id), cancellationToken);
        return TypedResults.Ok(Summary(dossier) with { DueAt = dossier.DueAt ?? await views.TotalDueAsync(dossier, cancellationToken) });
    }

    private static async Task<Results<Ok<Submitted>, ValidationProblem>> ResubmitAsync(Guid id, ResubmitRequest? request, ResubmitDossier resubmit,
        CancellationToken cancellationToken)
    {
        var picks = request?.FromStore ?? [];
        if (picks.Any(p => string.IsNullOrWhiteSpace(p?.DocumentCode) || p.StoredDocumentId is null))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["fromStore"] = ["Giấy tờ từ kho dữ liệu: mỗi mục cần mã giấy tờ (documentCode) và giấy tờ trong kho (storedDocumentId)."],
            }, title: "Dữ liệu không hợp lệ", type: "https://onestop.vn/errors/validation");
        }

        var dossier = await resubmit.ExecuteAsync(new ResubmitDossierCommand(id, request?.Comment, null,
            picks.Select(p => (p.DocumentCode!.Trim(), p.StoredDocumentId!.Value)).ToList()), cancellationToken);
        return TypedResults.Ok(Summary(dossier));
    }

    private static async Task<Ok<Submitted>> WithdrawAsync(Guid id, WithdrawRequest request, WithdrawDossier withdraw, CancellationToken cancellationToken) =>
        TypedResults.Ok(Summary(await withdraw.ExecuteAsync(new WithdrawDossierCommand(id, request.Reason), cancellationToken)));

    private static async Task<Ok<IReadOnlyList<DossierViews.Summary>>> MineAsync(ICurrentUser user, DossierViews views,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await views.MineAsync(user.RequireId(), cancellationToken));

    private static async Task<Ok<DossierViews.Detail>> GetAsync(Guid id, OwnDossiers own, DossierViews views, CancellationToken cancellationToken) =>
        TypedResults.Ok(await views.ForApplicantAsync(await own.ReadAsync(id, cancellationToken), cancellationToken));

    private static async Task<Results<Ok<DossierViews.LookupResult>, ProblemHttpResult>> LookupAsync(string code, string? key, DossierViews views,
        CancellationToken cancellationToken) =>
        await views.LookupAsync(code, key, cancellationToken) is { } found
            ? TypedResults.Ok(found)
            // The same answer whether the code or the key was wrong, so neither can be probed.
            : TypedResults.Problem("Không tìm thấy hồ sơ với mã hồ sơ và mã tra cứu đã nhập.", statusCode: 404, title: "Không tìm thấy",
                type: "https://onestop.vn/errors/not_found");
}

using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OneStop.Core.Common;
using OneStop.Core.Dossiers;
using OneStop.Core.Identity;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Dossiers;
using OneStop.Web.Features.Dossiers;
using OneStop.Workflows.Runtime;

namespace OneStop.Web.Api;

/// <summary>/api/v1/dossiers: a citizen's own dossiers, from draft to result; /api/v1/lookup for anyone with the code.</summary>
internal static class DossierEndpoints
{
    private const long MaxUploadRequest = 12 * 1024 * 1024;

    public sealed record CreateDossierRequest(string ProcedureCode, string? AgencyCode, JsonElement? FormData);

    public sealed record UpdateDossierRequest(JsonElement FormData);

    public sealed record ResubmitRequest(string? Comment);

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
            .WithSummary("Đính kèm tệp (multipart: documentCode, file) — PDF, JPEG, PNG, kiểm tra theo nội dung.");
        dossiers.MapPost("/{id:guid}/submit", SubmitAsync).WithName("SubmitDossier").WithSummary("Nộp hồ sơ: kiểm tra, cấp mã hồ sơ, bắt đầu quy trình.");
        dossiers.MapPost("/{id:guid}/resubmit", ResubmitAsync).WithName("ResubmitDossier").WithSummary("Nộp bổ sung sau khi được yêu cầu bổ sung.");
        dossiers.MapPost("/{id:guid}/withdraw", WithdrawAsync).WithName("WithdrawDossier")
            .WithSummary("Rút hồ sơ trước khi có quyết định (bắt buộc nêu lý do).");
        dossiers.MapGet("/", MineAsync).WithName("MyDossiers").WithSummary("Hồ sơ của tôi.");
        dossiers.MapGet("/{id:guid}", GetAsync).WithName("GetDossier").WithSummary("Trạng thái, tiến trình, văn bản của hồ sơ.");
        v1.MapGet("/lookup/{code}", LookupAsync).AllowAnonymous().RequireRateLimiting(OneStop.Web.Security.RateLimits.Lookup).WithTags("Dossiers").WithName("LookupDossier")
            .WithSummary("Tra cứu không cần đăng nhập: mã hồ sơ + mã tra cứu in trên giấy tiếp nhận (key) → trạng thái và ngày hẹn trả.");
    }

    private static Guid UserId(ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!);

    private static string FormJson(JsonElement? data) => data is { ValueKind: JsonValueKind.Object } value ? value.GetRawText() : "{}";

    private static async Task<Created<Submitted>> CreateAsync(CreateDossierRequest request, ClaimsPrincipal user, CitizenDossiers dossiers,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (idempotencyKey is { Length: > 100 })
        {
            throw new DomainException("idempotency.key_too_long", "Idempotency-Key tối đa 100 ký tự.");
        }

        var draft = await dossiers.CreateDraftAsync(UserId(user), request.ProcedureCode ?? string.Empty, request.AgencyCode,
            FormJson(request.FormData), idempotencyKey, cancellationToken);
        return TypedResults.Created($"/api/v1/dossiers/{draft.Id}", new Submitted(draft.Id, draft.Code, draft.Status.ToString(), draft.DueAt));
    }

    private static async Task<Ok<Submitted>> UpdateAsync(Guid id, UpdateDossierRequest request, ClaimsPrincipal user, CitizenDossiers dossiers,
        CancellationToken cancellationToken)
    {
        var draft = await dossiers.UpdateDraftAsync(UserId(user), id, FormJson(request.FormData), cancellationToken);
        return TypedResults.Ok(new Submitted(draft.Id, draft.Code, draft.Status.ToString(), draft.DueAt));
    }

    private static async Task<Results<Created<DossierViews.AttachmentInfo>, ProblemHttpResult>> AttachAsync(
        Guid id, [FromForm] string? documentCode, IFormFile? file, ClaimsPrincipal user, CitizenDossiers dossiers, CancellationToken cancellationToken)
    {
        if (file is null || string.IsNullOrWhiteSpace(documentCode))
        {
            return TypedResults.Problem("Gửi multipart gồm 'documentCode' (mã thành phần hồ sơ) và 'file'.", statusCode: 400,
                title: "Thiếu tệp hoặc mã giấy tờ", type: "https://onestop.vn/errors/attachment.missing");
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var attachment = await dossiers.AttachAsync(UserId(user), id, documentCode.Trim(), file.FileName, buffer.ToArray(), cancellationToken);
        return TypedResults.Created($"/api/v1/dossiers/{id}", new DossierViews.AttachmentInfo(attachment.Id, attachment.DocumentCode,
            attachment.FileName, attachment.ContentType, attachment.Size, attachment.Sha256));
    }

    private static async Task<Ok<Submitted>> SubmitAsync(Guid id, ClaimsPrincipal user, CitizenDossiers dossiers, OneStopDbContext db,
        CancellationToken cancellationToken)
    {
        var dossier = await dossiers.SubmitAsync(UserId(user), id, cancellationToken);
        var due = await db.WorkflowInstances.Where(i => i.DossierId == dossier.Code).Select(i => i.TotalDueAt).FirstOrDefaultAsync(cancellationToken);
        return TypedResults.Ok(new Submitted(dossier.Id, dossier.Code, dossier.Status.ToString(), dossier.DueAt ?? due));
    }

    private static async Task<Ok<Submitted>> ResubmitAsync(Guid id, ResubmitRequest? request, ClaimsPrincipal user, CitizenDossiers dossiers,
        CancellationToken cancellationToken)
    {
        var updated = await dossiers.ResubmitAsync(UserId(user), id, request?.Comment, cancellationToken);
        return TypedResults.Ok(new Submitted(updated.Id, updated.Code, updated.Status.ToString(), updated.DueAt));
    }

    private static async Task<Ok<Submitted>> WithdrawAsync(Guid id, WithdrawRequest request, ClaimsPrincipal user, CitizenDossiers dossiers,
        IWorkflowEngine engine, CancellationToken cancellationToken)
    {
        var userId = UserId(user);
        var dossier = await dossiers.OwnAsync(userId, id, cancellationToken);
        if (dossier.WorkflowInstanceId is not { } instanceId || dossier.IsClosed)
        {
            throw new ConflictException("dossier.not_withdrawable", "Chỉ rút được hồ sơ đã nộp và chưa có quyết định.");
        }

        await engine.WithdrawAsync(instanceId, DossierIntake.Citizen(userId), request.Reason ?? string.Empty, cancellationToken);
        var updated = await dossiers.OwnAsync(userId, id, cancellationToken);
        return TypedResults.Ok(new Submitted(updated.Id, updated.Code, updated.Status.ToString(), updated.DueAt));
    }

    private static async Task<Ok<IReadOnlyList<DossierViews.Summary>>> MineAsync(ClaimsPrincipal user, DossierViews views,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await views.MineAsync(UserId(user), cancellationToken));

    private static async Task<Ok<DossierViews.Detail>> GetAsync(Guid id, ClaimsPrincipal user, CitizenDossiers dossiers, DossierViews views,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await views.DetailAsync(await dossiers.OwnAsync(UserId(user), id, cancellationToken), cancellationToken));

    private static async Task<Results<Ok<DossierViews.LookupResult>, ProblemHttpResult>> LookupAsync(string code, string? key, DossierViews views,
        CancellationToken cancellationToken) =>
        await views.LookupAsync(code, key, cancellationToken) is { } found
            ? TypedResults.Ok(found)
            // The same answer whether the code or the key was wrong, so neither can be probed.
            : TypedResults.Problem("Không tìm thấy hồ sơ với mã hồ sơ và mã tra cứu đã nhập.", statusCode: 404, title: "Không tìm thấy",
                type: "https://onestop.vn/errors/not_found");
}

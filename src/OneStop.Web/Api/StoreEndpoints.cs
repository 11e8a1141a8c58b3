using Microsoft.AspNetCore.Http.HttpResults;
using OneStop.Application.Dossiers;
using OneStop.Application.DocumentStore;
using OneStop.Core.Identity;

namespace OneStop.Web.Api;

/// <summary>/api/v1/store: the signed-in citizen's document store (kho dữ liệu điện tử), and picking one of its documents for a dossier.</summary>
internal static class StoreEndpoints
{
    public sealed record AttachFromStoreRequest(string? DocumentCode, Guid? StoredDocumentId);

    public static void MapStoreEndpoints(this RouteGroupBuilder v1)
    {
        var store = v1.MapGroup("/store").WithTags("Document store").RequireAuthorization(policy => policy.RequireRole(Roles.Citizen));
        store.MapGet("/", ListAsync).WithName("MyDocumentStore")
            .WithSummary("Kho dữ liệu điện tử của tôi: kết quả đã được cấp và bản sao đã đối chiếu bản chính tại Bộ phận một cửa.");
        store.MapGet("/{id:guid}/content", ContentAsync).WithName("StoredDocumentContent").WithSummary("Tải tệp của một giấy tờ trong kho.");
        store.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteStoredDocument")
            .WithSummary("Xóa giấy tờ khỏi kho (hồ sơ đã đính kèm giấy tờ này vẫn giữ tệp đính kèm).");
        v1.MapPost("/dossiers/{id:guid}/attachments/from-store", AttachAsync).WithTags("Dossiers").WithName("AttachFromStore")
            .RequireAuthorization(policy => policy.RequireRole(Roles.Citizen)).RequireRateLimiting(OneStop.Web.Security.RateLimits.Submit)
            .WithSummary("Đính kèm giấy tờ có sẵn trong kho dữ liệu (documentCode, storedDocumentId) thay cho tải tệp lên, khi hồ sơ đang soạn hoặc chờ bổ sung.");
    }

    private static async Task<Ok<IReadOnlyList<MyDocumentStore.Item>>> ListAsync(MyDocumentStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ListAsync(cancellationToken));

    private static async Task<FileStreamHttpResult> ContentAsync(Guid id, MyDocumentStore store, CancellationToken cancellationToken)
    {
        var content = await store.OpenAsync(id, cancellationToken);
        return TypedResults.Stream(content.Stream, content.ContentType, content.FileName, enableRangeProcessing: true);
    }

    private static async Task<NoContent> DeleteAsync(Guid id, DeleteStoredDocument delete, CancellationToken cancellationToken)
    {
        await delete.ExecuteAsync(new DeleteStoredDocumentCommand(id), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Created<DossierViews.AttachmentInfo>, ProblemHttpResult>> AttachAsync(
        Guid id, AttachFromStoreRequest? request, AttachFromStore attach, CancellationToken cancellationToken)
    {
        if (request?.StoredDocumentId is not { } storedId || string.IsNullOrWhiteSpace(request.DocumentCode))
        {
            return TypedResults.Problem("Gửi 'documentCode' (mã thành phần hồ sơ) và 'storedDocumentId' (giấy tờ trong kho).", statusCode: 400,
                title: "Thiếu mã giấy tờ", type: "https://onestop.vn/errors/attachment.missing");
        }

        var a = await attach.ExecuteAsync(new AttachFromStoreCommand(id, request.DocumentCode, storedId), cancellationToken);
        return TypedResults.Created($"/api/v1/dossiers/{id}",
            new DossierViews.AttachmentInfo(a.Id, a.DocumentCode, a.FileName, a.ContentType, a.Size, a.Sha256, a.Provenance, a.CertifiedAt is not null));
    }
}

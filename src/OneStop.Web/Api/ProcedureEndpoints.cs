using Microsoft.AspNetCore.Http.HttpResults;
using OneStop.Web.Features.Catalogue;

namespace OneStop.Web.Api;

/// <summary>/api/v1/procedures: the public catalogue.</summary>
internal static class ProcedureEndpoints
{
    public static void MapProcedureEndpoints(this RouteGroupBuilder v1)
    {
        var procedures = v1.MapGroup("/procedures").WithTags("Procedures").AllowAnonymous().CacheOutput(CatalogueCache.Policy);
        procedures.MapGet("/", SearchAsync).WithName("SearchProcedures")
            .WithSummary("Tìm thủ tục (không phân biệt dấu, hoa thường); lọc theo lĩnh vực (field) và cơ quan (agency).");
        procedures.MapGet("/{code}", FindAsync).WithName("GetProcedure").WithSummary("Chi tiết thủ tục: thành phần hồ sơ, lệ phí, thời hạn, tờ khai.");
    }

    private static async Task<Ok<ProcedureCatalogue.Page>> SearchAsync(string? q, string? field, string? agency, int? page,
        ProcedureCatalogue catalogue, CancellationToken cancellationToken) =>
        TypedResults.Ok(await catalogue.SearchAsync(q, field, agency, page ?? 1, cancellationToken));

    private static async Task<Results<Ok<ProcedureCatalogue.Detail>, ProblemHttpResult>> FindAsync(string code, ProcedureCatalogue catalogue,
        CancellationToken cancellationToken) =>
        await catalogue.FindAsync(code, cancellationToken) is { } detail
            ? TypedResults.Ok(detail)
            : TypedResults.Problem($"Không có thủ tục mã {code}.", statusCode: 404, title: "Không tìm thấy", type: "https://onestop.vn/errors/not_found");
}

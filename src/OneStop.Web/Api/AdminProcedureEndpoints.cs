using Microsoft.AspNetCore.Http.HttpResults;
using OneStop.Web.Features.Admin.Procedures;
using OneStop.Web.Hosting;

namespace OneStop.Web.Api;

/// <summary>Administrators edit each procedure's result document template; a template naming unknown fields is refused.</summary>
internal static class AdminProcedureEndpoints
{
    public static void MapAdminProcedureEndpoints(this RouteGroupBuilder v1)
    {
        var admin = v1.MapGroup("/admin/procedures").WithTags("Administration").RequireAuthorization(AuthenticationExtensions.AdminPolicy);
        admin.MapGet("/{code}/result-template", GetAsync).WithName("GetResultTemplate").WithSummary("Mẫu văn bản kết quả của thủ tục (JSON).");
        admin.MapPut("/{code}/result-template", PutAsync).WithName("PutResultTemplate")
            .WithSummary("Sửa mẫu văn bản kết quả; các trường {{...}} phải có trong tờ khai của thủ tục.");
    }

    private static async Task<Results<ContentHttpResult, NotFound>> GetAsync(string code, ResultTemplateAdmin templates, CancellationToken cancellationToken) =>
        await templates.FindAsync(code, cancellationToken) is { } json ? TypedResults.Text(json, "application/json") : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> PutAsync(string code, HttpRequest request, ResultTemplateAdmin templates,
        CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        var json = await reader.ReadToEndAsync(cancellationToken);
        var saved = await templates.SaveAsync(code, json, cancellationToken);
        if (!saved.Found)
        {
            return TypedResults.NotFound();
        }

        return saved.Errors.Count > 0
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["template"] = [.. saved.Errors] },
                title: "Mẫu văn bản kết quả không hợp lệ", type: "https://onestop.vn/errors/template.invalid")
            : TypedResults.NoContent();
    }
}

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneStop.Documents.Templates;
using OneStop.Infrastructure.Data;
using OneStop.Web.Hosting;

namespace OneStop.Web.Api;

/// <summary>Administrators edit each procedure's result document template; a template naming unknown fields is refused.</summary>
internal static class AdminProcedureEndpoints
{
    internal static readonly string[] BuiltInPlaceholders =
        ["dossierCode", "applicantName", "applicantIdNumber", "applicantAddress", "issuedDate", "reference", "agencyName"];

    public static void MapAdminProcedureEndpoints(this RouteGroupBuilder v1)
    {
        var admin = v1.MapGroup("/admin/procedures").WithTags("Administration").RequireAuthorization(AuthenticationExtensions.AdminPolicy);
        admin.MapGet("/{code}/result-template", GetAsync).WithName("GetResultTemplate").WithSummary("Mẫu văn bản kết quả của thủ tục (JSON).");
        admin.MapPut("/{code}/result-template", PutAsync).WithName("PutResultTemplate")
            .WithSummary("Sửa mẫu văn bản kết quả; các trường {{...}} phải có trong tờ khai của thủ tục.");
    }

    private static async Task<Results<ContentHttpResult, NotFound>> GetAsync(string code, OneStopDbContext db, CancellationToken cancellationToken)
    {
        var procedure = await db.Procedures.AsNoTracking().SingleOrDefaultAsync(p => p.Code == code, cancellationToken);
        return procedure is null ? TypedResults.NotFound() : TypedResults.Text(procedure.ResultTemplate ?? "null", "application/json");
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> PutAsync(string code, HttpRequest request, OneStopDbContext db,
        CancellationToken cancellationToken)
    {
        var procedure = await db.Procedures.SingleOrDefaultAsync(p => p.Code == code, cancellationToken);
        if (procedure is null)
        {
            return TypedResults.NotFound();
        }

        using var reader = new StreamReader(request.Body);
        var json = await reader.ReadToEndAsync(cancellationToken);
        IReadOnlyList<string> errors;
        try
        {
            var template = ResultTemplate.FromJson(json);
            errors = Placeholders.Validate(template, procedure.FormSchema.Select(f => f.Name).Concat(BuiltInPlaceholders));
        }
        catch (TemplateValidationException ex)
        {
            errors = ex.Errors;
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["template"] = [.. errors] },
                title: "Mẫu văn bản kết quả không hợp lệ", type: "https://onestop.vn/errors/template.invalid");
        }

        procedure.Describe(procedure.RequiredDocuments, procedure.FormSchema, json);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}

using Microsoft.EntityFrameworkCore;
using OneStop.Documents.Templates;
using OneStop.Infrastructure.Data;

namespace OneStop.Web.Features.Admin.Procedures;

/// <summary>Each procedure's result document template, read and replaced as JSON; a template naming unknown fields is refused.</summary>
public sealed class ResultTemplateAdmin(OneStopDbContext db)
{
    /// <summary>The placeholders every template may use besides the procedure's form fields.</summary>
    public static IReadOnlyList<string> BuiltInPlaceholders { get; } =
        ["dossierCode", "applicantName", "applicantIdNumber", "applicantAddress", "issuedDate", "reference", "agencyName"];

    /// <summary>What a save did: no such procedure, the template's problems, or saved (no problems).</summary>
    public sealed record SaveResult(bool Found, IReadOnlyList<string> Errors);

    /// <summary>The template's JSON ("null" when the procedure has none), or null when there is no such procedure.</summary>
    public async Task<string?> FindAsync(string code, CancellationToken cancellationToken)
    {
        var procedure = await db.Procedures.AsNoTracking().SingleOrDefaultAsync(p => p.Code == code, cancellationToken);
        return procedure is null ? null : procedure.ResultTemplate ?? "null";
    }

    public async Task<SaveResult> SaveAsync(string code, string json, CancellationToken cancellationToken)
    {
        var procedure = await db.Procedures.SingleOrDefaultAsync(p => p.Code == code, cancellationToken);
        if (procedure is null)
        {
            return new SaveResult(false, []);
        }

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
            return new SaveResult(true, errors);
        }

        procedure.Describe(procedure.RequiredDocuments, procedure.FormSchema, json);
        await db.SaveChangesAsync(cancellationToken);
        return new SaveResult(true, []);
    }
}

using Microsoft.EntityFrameworkCore;
using OneStop.Core.Common;
using OneStop.Core.Procedures;
using OneStop.Infrastructure.Data;
using OneStop.Workflows.Definitions;

namespace OneStop.Web.Features.Admin.Workflows.Designer;

/// <summary>Finds the procedures a workflow applies to, and the form fields its conditions may read.</summary>
public sealed class ProcedureLookup(OneStopDbContext db)
{
    public const int MaxResults = 15;

    /// <summary>A procedure found by code or name (without diacritics).</summary>
    public sealed record Found(string Code, string Name, string? Agency, string? Workflow);

    /// <summary>A procedure's form fields that a condition can test, typed as the workflow's inputs.</summary>
    public sealed record ProcedureForm(string Code, string Name, string? AgencyCode, int ProcessingDays, IReadOnlyList<ConditionField> Fields);

    /// <summary>One field: its technical name, label, input type (string, number, bool, date) and, for a choice, its options.</summary>
    public sealed record ConditionField(string Name, string Label, string Type, IReadOnlyList<string> Options);

    public async Task<IReadOnlyList<Found>> SearchAsync(string? q, CancellationToken cancellationToken)
    {
        var query = from p in db.Procedures.AsNoTracking()
                    join a in db.Agencies on p.AgencyId equals a.Id into agencies
                    from a in agencies.DefaultIfEmpty()
                    select new { p, Agency = a != null ? a.Name : null };
        foreach (var word in Text.Clean(q).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8))
        {
            var pattern = SearchText.Contains(word);
            query = query.Where(x => EF.Functions.Like(SearchText.Normalize(x.p.Name + " " + x.p.Code), SearchText.Normalize(pattern)));
        }

        return await query.OrderByDescending(x => x.p.IsActive).ThenBy(x => x.p.Code).Take(MaxResults)
            .Select(x => new Found(x.p.Code, x.p.Name, x.Agency, x.p.WorkflowId)).ToListAsync(cancellationToken);
    }

    public async Task<ProcedureForm?> FormAsync(string? code, CancellationToken cancellationToken)
    {
        var row = await (from p in db.Procedures.AsNoTracking()
                         join a in db.Agencies on p.AgencyId equals a.Id into agencies
                         from a in agencies.DefaultIfEmpty()
                         where p.Code == code
                         select new { p.Code, p.Name, AgencyCode = a != null ? a.Code : null, p.ProcessingDays, p.FormSchema })
            .SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : new ProcedureForm(row.Code, row.Name, row.AgencyCode, row.ProcessingDays, [.. Fields(row.FormSchema)]);
    }

    /// <summary>Top-level fields with one value; a repeated group or an address is not something a condition compares.</summary>
    private static IEnumerable<ConditionField> Fields(IEnumerable<FormField> schema) =>
        schema.Where(f => f.Type is not (FormFieldType.Group or FormFieldType.Address))
            .Select(f => new ConditionField(f.Name, f.Label, InputTypeOf(f), f.Options));

    private static string InputTypeOf(FormField field) => (field.Type switch
    {
        FormFieldType.Number => InputType.Number,
        FormFieldType.Date => InputType.Date,
        FormFieldType.Choice when field.Options.Count == 2 && field.Options.Order(StringComparer.Ordinal).SequenceEqual(["false", "true"]) => InputType.Bool,
        _ => InputType.String,
    }).ToString().ToLowerInvariant();
}

using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OneStop.Infrastructure.Procedures;
using OneStop.Core.Common;
using OneStop.Core.Procedures;
using OneStop.Infrastructure.Data;

namespace OneStop.Web.Features.Catalogue;

/// <summary>The public procedure catalogue: browse by field and agency, search without diacritics.</summary>
public sealed class ProcedureCatalogue(OneStopDbContext db, OneStop.Application.Common.ICurrentUser user)
{
    public const int PageSize = 20;

    public sealed record Summary(string Code, string Name, string Field, string? Agency, int Level, decimal Fee, int ProcessingDays);

    public sealed record Detail(string Code, string Name, string Field, string? Agency, int Level, decimal Fee, int ProcessingDays,
        IReadOnlyList<RequiredDocument> RequiredDocuments, IReadOnlyList<FormField> Form);

    public sealed record Page(IReadOnlyList<Summary> Items, int Total, int PageNumber);

    public sealed record Facet(string Code, string Name, int Count);

    /// <summary>
    /// One page of active procedures matching every word of <paramref name="q"/> (without diacritics, on the indexed
    /// <c>procedures.search_text</c>) and the field and agency codes, with the total: one statement, the total by <c>count(*) OVER ()</c>.
    /// A page past the last (or a negative or huge number) shows the last page, never an overflowing offset.
    /// </summary>
    public async Task<Page> SearchAsync(string? q, string? field, string? agency, int page, CancellationToken cancellationToken)
    {
        var (items, total) = await PageAsync(q, field, agency, Math.Max(1, page), cancellationToken);
        if (items.Count > 0 || page <= 1)
        {
            return new Page(items, total, Math.Max(1, page));
        }

        // Past the last page: the first tells the total, and so which page is the last.
        (items, total) = await PageAsync(q, field, agency, 1, cancellationToken);
        var last = Math.Max(1, (total + PageSize - 1) / PageSize);
        if (last > 1)
        {
            (items, total) = await PageAsync(q, field, agency, last, cancellationToken);
        }

        return new Page(items, total, last);
    }

    private async Task<(List<Summary> Items, int Total)> PageAsync(string? q, string? field, string? agency, int page, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder("""
            SELECT p.code, p.name, f.name, a.name, p.level, p.fee, p.processing_days, count(*) OVER ()
            FROM procedures p JOIN fields f ON f.id = p.field_id LEFT JOIN agencies a ON a.id = p.agency_id
            WHERE p.is_active
            """);
        var parameters = new List<object>();
        foreach (var word in Words(q))
        {
            // The pattern folded as the stored column is (public.f_search_text, what SearchText.Normalize translates to).
            parameters.Add(SearchText.Contains(word));
            sql.Append(CultureInfo.InvariantCulture, $" AND p.search_text LIKE public.f_search_text(${parameters.Count})");
        }

        if (!string.IsNullOrWhiteSpace(field))
        {
            parameters.Add(field);
            sql.Append(CultureInfo.InvariantCulture, $" AND f.code = ${parameters.Count}");
        }

        if (!string.IsNullOrWhiteSpace(agency))
        {
            parameters.Add(agency);
            sql.Append(CultureInfo.InvariantCulture, $" AND a.code = ${parameters.Count}");
        }

        // The offset of a huge page number stays an int: PostgreSQL returns nothing past the end, and SearchAsync takes the last page.
        parameters.Add((int)Math.Min(int.MaxValue, (page - 1L) * PageSize));
        sql.Append(CultureInfo.InvariantCulture, $" ORDER BY f.name, p.name, p.code LIMIT {PageSize} OFFSET ${parameters.Count}");

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        try
        {
            await using var command = new NpgsqlCommand(sql.ToString(), connection);
            foreach (var value in parameters)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = value });
            }

            SendableValues.Check(command.Parameters);

            var items = new List<Summary>(PageSize);
            var total = 0;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(new Summary(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.GetInt32(4), reader.GetDecimal(5), reader.GetInt32(6)));
                total = (int)reader.GetInt64(7);
            }

            return (items, total);
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    /// <summary>The procedures the signed-in official's counter takes in: its agency's own, and at a commune every commune's.</summary>
    public async Task<IReadOnlyList<Facet>> AtCounterAsync(CancellationToken cancellationToken)
    {
        if (user.AgencyId is not { } agencyId)
        {
            return [];
        }

        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == agencyId, cancellationToken);
        return await db.Procedures.AsNoTracking()
            .Where(p => p.IsActive && (p.AgencyId == agencyId || (p.AgencyId == null && agency.Kind == Core.Organisation.AgencyKind.Commune)))
            .OrderBy(p => p.Name).Select(p => new Facet(p.Code, p.Name, 0)).ToListAsync(cancellationToken);
    }

    public async Task<Detail?> FindAsync(string code, CancellationToken cancellationToken)
    {
        var row = await (from p in db.Procedures.AsNoTracking()
                         join f in db.Fields on p.FieldId equals f.Id
                         join a in db.Agencies on p.AgencyId equals a.Id into agencies
                         from a in agencies.DefaultIfEmpty()
                         where p.Code == code && p.IsActive
                         select new { p, Field = f.Name, Agency = a != null ? a.Name : null }).SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : new Detail(row.p.Code, row.p.Name, row.Field, row.Agency, (int)row.p.Level, row.p.Fee, row.p.ProcessingDays,
            row.p.RequiredDocuments, row.p.FormSchema);
    }

    public async Task<IReadOnlyList<Facet>> FieldsAsync(CancellationToken cancellationToken) =>
        await db.Fields.AsNoTracking().Where(f => db.Procedures.Any(p => p.FieldId == f.Id && p.IsActive)).OrderBy(f => f.Name)
            .Select(f => new Facet(f.Code, f.Name, db.Procedures.Count(p => p.FieldId == f.Id && p.IsActive)))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Facet>> AgenciesAsync(CancellationToken cancellationToken) =>
        await db.Agencies.AsNoTracking().Where(a => a.ClosedOn == null && db.Procedures.Any(p => p.AgencyId == a.Id && p.IsActive))
            .OrderBy(a => a.Name)
            .Select(a => new Facet(a.Code, a.Name, db.Procedures.Count(p => p.AgencyId == a.Id && p.IsActive)))
            .ToListAsync(cancellationToken);

    private static IEnumerable<string> Words(string? q) =>
        Text.Clean(q).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(8);
}

using OneStop.Infrastructure.Procedures;
using Microsoft.EntityFrameworkCore;
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

    public async Task<Page> SearchAsync(string? q, string? field, string? agency, int page, CancellationToken cancellationToken)
    {
        var query = from p in db.Procedures.AsNoTracking()
                    join f in db.Fields on p.FieldId equals f.Id
                    join a in db.Agencies on p.AgencyId equals a.Id into agencies
                    from a in agencies.DefaultIfEmpty()
                    where p.IsActive
                    select new { p, f, a };
        foreach (var word in Words(q))
        {
            var pattern = SearchText.Contains(word);
            query = query.Where(x => EF.Functions.Like(EF.Property<string>(x.p, ProcedureSearch.Column), SearchText.Normalize(pattern)));
        }

        if (!string.IsNullOrWhiteSpace(field))
        {
            query = query.Where(x => x.f.Code == field);
        }

        if (!string.IsNullOrWhiteSpace(agency))
        {
            query = query.Where(x => x.a != null && x.a.Code == agency);
        }

        var total = await query.CountAsync(cancellationToken);
        // A page past the last (or a negative or huge number) shows the nearest page, never an overflowing offset.
        var pageNumber = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var items = await query.OrderBy(x => x.f.Name).ThenBy(x => x.p.Name).Skip((pageNumber - 1) * PageSize).Take(PageSize)
            .Select(x => new Summary(x.p.Code, x.p.Name, x.f.Name, x.a != null ? x.a.Name : null, (int)x.p.Level, x.p.Fee, x.p.ProcessingDays))
            .ToListAsync(cancellationToken);
        return new Page(items, total, pageNumber);
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

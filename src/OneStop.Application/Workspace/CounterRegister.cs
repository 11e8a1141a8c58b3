using Microsoft.EntityFrameworkCore;
using OneStop.Documents.Models;
using OneStop.Infrastructure.Audit;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Documents;

namespace OneStop.Application.Workspace;

/// <summary>The counter's register (sổ theo dõi hồ sơ) of an agency on screen, a page at a time, its read audited as personal data.</summary>
public sealed class CounterRegister(RegisterExporter exporter, PersonalDataReads reads, OneStopDbContext db)
{
    /// <summary>One page of the register's entries, with the id of each entry's dossier for the link.</summary>
    public sealed record Page(int Total, int PageNumber, int PageCount, IReadOnlyList<RegisterEntry> Entries, IReadOnlyDictionary<string, Guid> DossierIds);

    public Task<string> AgencyNameAsync(Guid agencyId, CancellationToken cancellationToken) =>
        db.Agencies.Where(a => a.Id == agencyId).Select(a => a.Name).SingleAsync(cancellationToken);

    /// <summary>The page (clamped to those there are) of the entries from <paramref name="from"/> to <paramref name="to"/>;
    /// a range the register refuses throws <see cref="OneStop.Core.Common.DomainException"/> and is not audited.</summary>
    public async Task<Page> PageAsync(Guid agencyId, DateOnly from, DateOnly to, int? page, int pageSize, CancellationToken cancellationToken)
    {
        var data = await exporter.BuildAsync(agencyId, from, to, cancellationToken);
        await reads.RegisterAsync(agencyId, from, to, "page", cancellationToken);
        var total = data.Entries.Count;
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        var number = Math.Clamp(page ?? 1, 1, pageCount);
        var entries = data.Entries.Skip((number - 1) * pageSize).Take(pageSize).ToList();
        var codes = entries.Select(e => e.DossierCode).ToList();
        var ids = await db.Dossiers.AsNoTracking().Where(d => d.AgencyId == agencyId && d.Code != null && codes.Contains(d.Code))
            .ToDictionaryAsync(d => d.Code!, d => d.Id, cancellationToken);
        return new Page(total, number, pageCount, entries, ids);
    }
}

using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using OneStop.Core.Organisation;

namespace OneStop.Infrastructure.Observability;

/// <summary>Agency codes by id, for metric labels (a code is what an operator reads; ids are looked up once per process).</summary>
internal sealed class AgencyCodes
{
    private readonly ConcurrentDictionary<Guid, string> _codes = new();

    public string this[Guid id] => _codes.TryGetValue(id, out var code) ? code : "unknown";

    public async Task LoadAsync(DbContext db, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        if (Missing(ids) is { Count: > 0 } missing)
        {
            Remember(await Query(db, missing).ToListAsync(cancellationToken));
        }
    }

    public void Load(DbContext db, IEnumerable<Guid> ids)
    {
        if (Missing(ids) is { Count: > 0 } missing)
        {
            Remember(Query(db, missing).ToList());
        }
    }

    private List<Guid> Missing(IEnumerable<Guid> ids) => ids.Where(id => !_codes.ContainsKey(id)).Distinct().ToList();

    private static IQueryable<KeyValuePair<Guid, string>> Query(DbContext db, List<Guid> ids) =>
        db.Set<Agency>().AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new KeyValuePair<Guid, string>(a.Id, a.Code));

    private void Remember(IEnumerable<KeyValuePair<Guid, string>> codes)
    {
        foreach (var (id, code) in codes)
        {
            _codes[id] = code;
        }
    }
}

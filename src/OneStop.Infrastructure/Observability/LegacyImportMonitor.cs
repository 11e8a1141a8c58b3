using OneStop.Infrastructure.Legacy;

namespace OneStop.Infrastructure.Observability;

/// <summary>The legacy import running in this process, if any, so that its progress can be read as metrics.</summary>
public sealed class LegacyImportMonitor
{
    private LegacyImporter? _current;

    /// <summary>Rows read so far and rows the bundle's manifest announces, or null when no import runs in this process.</summary>
    public (long Read, long Expected)? Progress
    {
        get
        {
            var report = Volatile.Read(ref _current)?.Report;
            if (report is null)
            {
                return null;
            }

            try
            {
                var tables = report.Tables.Values.ToList();
                return (tables.Sum(t => t.Read), tables.Sum(t => t.ManifestRows ?? 0));
            }
            catch (InvalidOperationException)
            {
                // The importer added a table while we read; the next scrape sees it.
                return null;
            }
        }
    }

    /// <summary>Watches <paramref name="importer"/> until the returned handle is disposed.</summary>
    public IDisposable Track(LegacyImporter importer)
    {
        Volatile.Write(ref _current, importer);
        return new Untrack(this, importer);
    }

    private sealed class Untrack(LegacyImportMonitor monitor, LegacyImporter importer) : IDisposable
    {
        public void Dispose() => Interlocked.CompareExchange(ref monitor._current, null, importer);
    }
}

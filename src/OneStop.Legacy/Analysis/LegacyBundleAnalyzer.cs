using System.Runtime.CompilerServices;
using OneStop.Legacy.Bundles;
using OneStop.Legacy.Csv;
using OneStop.Legacy.Records;
using OneStop.Legacy.Reporting;

namespace OneStop.Legacy.Analysis;

/// <summary>Reads a bundle table by table, yielding the accepted rows and filling the report with every issue and count.</summary>
public sealed class LegacyBundleAnalyzer : IDisposable
{
    // Opening runs the index passes (reference keys; winning line, rejection and unknown procedure per dossier code),
    // so each Read…Async streams its table once, in any order, with "later row wins", orphans and rejected parents
    // already known. Counting happens while a table streams, hence each table is read once and Complete checks all were.
    private readonly bool _ownsBundle;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, KeyIndex> _keys = new(StringComparer.Ordinal);
    private readonly DossierIndex _dossiers;
    private readonly HistoryDuplicates _history = new();
    private readonly HashSet<string> _started = new(StringComparer.Ordinal);
    private readonly HashSet<string> _finished = new(StringComparer.Ordinal);

    private LegacyBundleAnalyzer(LegacyBundle bundle, bool ownsBundle, TimeProvider time)
    {
        Bundle = bundle;
        _ownsBundle = ownsBundle;
        _time = time;
        _dossiers = new DossierIndex(bundle.Manifest.RowCounts.GetValueOrDefault(LegacyTables.Dossiers));
        Report = new ImportReport
        {
            Bundle = bundle.Path,
            SourceSystem = bundle.Manifest.SourceSystem,
            StartedAt = time.GetUtcNow(),
        };
        foreach (var table in LegacyTables.All)
        {
            Report.Table(table).ManifestRows = bundle.Manifest.RowCounts.TryGetValue(table, out var rows) ? rows : null;
        }
    }

    /// <summary>The opened bundle, e.g. to copy attachment files with <see cref="LegacyBundle.OpenFile"/>.</summary>
    public LegacyBundle Bundle { get; }

    /// <summary>The report being filled; complete after every table has been read and <see cref="Complete"/> called.</summary>
    public ImportReport Report { get; }

    /// <summary>Inactive procedures to create for the codes that imported dossiers use but thu_tuc.csv lacks.</summary>
    public IReadOnlyList<LegacyProcedure> PlaceholderProcedures { get; private set; } = [];

    /// <summary>The number of distinct dossier codes in ho_so.csv.</summary>
    public int DossierCodeCount => _dossiers.Count;

    /// <summary>Opens a folder or .zip bundle, checks it (throwing <see cref="BundleException"/>) and runs the index passes.</summary>
    public static async Task<LegacyBundleAnalyzer> OpenAsync(string path, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        var bundle = LegacyBundle.Open(path);
        try
        {
            return await OpenAsync(bundle, ownsBundle: true, time ?? TimeProvider.System, cancellationToken);
        }
        catch
        {
            bundle.Dispose();
            throw;
        }
    }

    /// <summary>Runs the index passes over a bundle the caller opened (and keeps owning).</summary>
    public static Task<LegacyBundleAnalyzer> OpenAsync(LegacyBundle bundle, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        return OpenAsync(bundle, ownsBundle: false, time ?? TimeProvider.System, cancellationToken);
    }

    /// <summary>Reads a whole bundle without writing anything (a dry run) and returns its completed report.</summary>
    public static async Task<ImportReport> AnalyzeAsync(string path, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        using var analyzer = await OpenAsync(path, time, cancellationToken);
        analyzer.Report.DryRun = true;
        await analyzer.ReadAllAsync(cancellationToken);
        return analyzer.Complete();
    }

    public IAsyncEnumerable<AcceptedRow<LegacyAgency>> ReadAgenciesAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(TableSchema.Agencies, row => ReferenceRows.Agency(row, _keys[LegacyTables.Agencies]), cancellationToken);

    public IAsyncEnumerable<AcceptedRow<LegacyField>> ReadFieldsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(TableSchema.Fields, row => ReferenceRows.Field(row, _keys[LegacyTables.Fields]), cancellationToken);

    /// <summary>The thu_tuc rows; the placeholders are in <see cref="PlaceholderProcedures"/>, not in this stream or its counts.</summary>
    public IAsyncEnumerable<AcceptedRow<LegacyProcedure>> ReadProceduresAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(TableSchema.Procedures, row => ReferenceRows.Procedure(row, _keys[LegacyTables.Procedures]), cancellationToken);

    public IAsyncEnumerable<AcceptedRow<LegacyOfficial>> ReadOfficialsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(TableSchema.Officials, row => ReferenceRows.Official(row, _keys[LegacyTables.Officials]), cancellationToken);

    /// <summary>The winning ho_so row of every code that passed its checks, in file order.</summary>
    public IAsyncEnumerable<AcceptedRow<LegacyDossier>> ReadDossiersAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(TableSchema.Dossiers, row => DossierRows.Winner(row, _dossiers, _keys[LegacyTables.Procedures]), cancellationToken);

    public IAsyncEnumerable<AcceptedRow<LegacyHistoryEntry>> ReadHistoryAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(TableSchema.History, row => ChildRows.History(row, _dossiers, _history), cancellationToken);

    public IAsyncEnumerable<AcceptedRow<LegacyAttachment>> ReadAttachmentsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(TableSchema.Attachments, row => ChildRows.Attachment(row, _dossiers, Bundle), cancellationToken);

    /// <summary>Reads (and discards) every table not read yet, so that the report is complete.</summary>
    public async Task ReadAllAsync(CancellationToken cancellationToken = default)
    {
        foreach (var table in LegacyTables.All.Where(t => !_started.Contains(t)))
        {
            var rows = table switch
            {
                LegacyTables.Agencies => Drain(ReadAgenciesAsync(cancellationToken)),
                LegacyTables.Fields => Drain(ReadFieldsAsync(cancellationToken)),
                LegacyTables.Procedures => Drain(ReadProceduresAsync(cancellationToken)),
                LegacyTables.Officials => Drain(ReadOfficialsAsync(cancellationToken)),
                LegacyTables.Dossiers => Drain(ReadDossiersAsync(cancellationToken)),
                LegacyTables.History => Drain(ReadHistoryAsync(cancellationToken)),
                _ => Drain(ReadAttachmentsAsync(cancellationToken)),
            };
            await rows;
        }
    }

    /// <summary>Stamps the finish time and returns the report; throws when a table has not been read to its end.</summary>
    public ImportReport Complete()
    {
        var unread = LegacyTables.All.Where(t => !_finished.Contains(t)).ToList();
        if (unread.Count > 0)
        {
            throw new InvalidOperationException($"Tables not read to the end: {string.Join(", ", unread)}.");
        }

        Report.FinishedAt = _time.GetUtcNow();
        return Report;
    }

    public void Dispose()
    {
        if (_ownsBundle)
        {
            Bundle.Dispose();
        }
    }

    private static async Task<LegacyBundleAnalyzer> OpenAsync(LegacyBundle bundle, bool ownsBundle, TimeProvider time, CancellationToken cancellationToken)
    {
        var analyzer = new LegacyBundleAnalyzer(bundle, ownsBundle, time);
        await new IndexPasses(bundle, analyzer._keys, analyzer._dossiers, analyzer._history).RunAsync(cancellationToken);
        analyzer.PlaceholderProcedures = analyzer._dossiers.UnknownProcedures()
            .Select(code => new LegacyProcedure(0, code, $"Thủ tục {code} (không có trong dữ liệu cũ)", null, null, null, null, null, IsPlaceholder: true))
            .ToList();
        return analyzer;
    }

    private static async Task Drain<T>(IAsyncEnumerable<T> rows)
    {
        await foreach (var _ in rows)
        {
        }
    }

    private async IAsyncEnumerable<AcceptedRow<T>> ReadAsync<T>(
        TableSchema schema, Func<RowContext, T?> map, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class
    {
        if (!_started.Add(schema.Table))
        {
            throw new InvalidOperationException($"Table {schema.Table} has already been read; each table is read once per analyzer.");
        }

        var counters = Report.Table(schema.Table);
        await using var csv = await CsvTableReader.OpenAsync(Bundle, schema, cancellationToken);
        var row = new RowContext(csv, Report);
        while (await csv.ReadAsync(cancellationToken))
        {
            counters.Read++;
            var value = row.Begin() ? map(row) : null;
            switch (row.Outcome)
            {
                case RowOutcome.Imported:
                    counters.Imported++;
                    if (row.HasWarnings)
                    {
                        counters.Warnings++;
                    }

                    yield return new AcceptedRow<T>(value ?? throw new InvalidOperationException("A row marked imported has no value."), row.Warnings);
                    break;
                case RowOutcome.Superseded:
                    counters.Superseded++;
                    break;
                case RowOutcome.Orphaned:
                    counters.Orphaned++;
                    break;
                case RowOutcome.ParentRejected:
                    counters.ParentRejected++;
                    break;
                default:
                    counters.Rejected++;
                    break;
            }
        }

        _finished.Add(schema.Table);
    }
}

using System.Text.Json.Serialization;
using OneStop.Legacy.Bundles;

namespace OneStop.Legacy.Reporting;

/// <summary>The reconciliation report of one run: per-table counters and every reported row (see FORMAT.md).</summary>
public sealed class ImportReport
{
    private readonly Dictionary<string, TableCounters> _tables = new(StringComparer.Ordinal);

    private readonly List<ImportIssue> _issues = [];

    /// <summary>Creates an empty report with a counter set for each of the seven tables.</summary>
    public ImportReport()
    {
        foreach (var table in LegacyTables.All)
        {
            _tables[table] = new TableCounters();
        }
    }

    [JsonConstructor]
    private ImportReport(
        string bundle,
        string sourceSystem,
        bool dryRun,
        DateTimeOffset startedAt,
        DateTimeOffset? finishedAt,
        IReadOnlyDictionary<string, TableCounters>? tables,
        IReadOnlyList<ImportIssue>? issues)
        : this()
    {
        (Bundle, SourceSystem, DryRun, StartedAt, FinishedAt) = (bundle, sourceSystem, dryRun, startedAt, finishedAt);
        foreach (var (table, counters) in tables ?? new Dictionary<string, TableCounters>())
        {
            _tables[table] = counters;
        }

        _issues.AddRange(issues ?? []);
    }

    public string Bundle { get; set; } = string.Empty;

    public string SourceSystem { get; set; } = string.Empty;

    public bool DryRun { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public IReadOnlyDictionary<string, TableCounters> Tables => _tables;

    public IReadOnlyList<ImportIssue> Issues => _issues;

    /// <summary>Whether the sum holds for every table.</summary>
    [JsonIgnore]
    public bool IsBalanced => _tables.Values.All(t => t.IsBalanced);

    /// <summary>The counters of one table (see <see cref="LegacyTables"/>).</summary>
    public TableCounters Table(string table) => _tables[table];

    /// <summary>Adds an issue found by the database writer (the reader adds its own).</summary>
    public void AddIssue(ImportIssue issue) => _issues.Add(issue);

    /// <summary>
    /// Adds a warning the database writer found on a row already counted as imported; the row is counted in
    /// <see cref="TableCounters.Warnings"/> unless the reader had already warned about it.
    /// </summary>
    public void AddRowWarning(string table, ImportIssue issue, bool rowAlreadyWarned)
    {
        ArgumentNullException.ThrowIfNull(issue);
        _issues.Add(issue);
        if (!rowAlreadyWarned)
        {
            _tables[table].Warnings++;
        }
    }
}

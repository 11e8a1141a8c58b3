using OneStop.Legacy.Csv;
using OneStop.Legacy.Reporting;

namespace OneStop.Legacy.Analysis;

/// <summary>The current record of a table and what has been decided about it; issues go to the report unless it is null (index passes).</summary>
internal sealed class RowContext(CsvTableReader csv, ImportReport? report)
{
    private List<ImportIssue>? _warnings;

    public RowOutcome Outcome { get; private set; }

    public string Key { get; private set; } = string.Empty;

    public long Line => csv.Line;

    public IReadOnlyList<ImportIssue> Warnings => _warnings is null ? [] : _warnings;

    public bool HasWarnings => _warnings is { Count: > 0 };

    public string Get(string column) => csv.Get(column);

    public string? GetOrNull(string column) => csv.Get(column) is { Length: > 0 } value ? value : null;

    /// <summary>Starts a new record and checks what every row needs: the header's field count and a key.</summary>
    public bool Begin()
    {
        Outcome = RowOutcome.Imported;
        _warnings = null;
        Key = csv.Get(csv.Schema.KeyColumn);
        if (csv.HasUnterminatedQuote)
        {
            Fail(RowOutcome.Rejected, IssueKind.UnterminatedQuote, Messages.UnterminatedQuote());
            return false;
        }

        if (!csv.HasHeaderFieldCount)
        {
            Fail(RowOutcome.Rejected, IssueKind.WrongFieldCount, Messages.WrongFieldCount(csv.FieldCount, csv.HeaderFieldCount));
            return false;
        }

        if (Key.Length == 0)
        {
            Fail(RowOutcome.Rejected, IssueKind.EmptyKey, Messages.EmptyKey(csv.Schema.KeyColumn));
            return false;
        }

        return true;
    }

    public void Warn(IssueKind kind, string message)
    {
        var issue = new ImportIssue(csv.File, Line, Key, IssueSeverity.Warning, kind, message);
        (_warnings ??= []).Add(issue);
        report?.AddIssue(issue);
    }

    /// <summary>Marks the row as not imported, reports why, and returns null for the caller to return.</summary>
    public T? Fail<T>(RowOutcome outcome, IssueKind kind, string message)
        where T : class
    {
        Fail(outcome, kind, message);
        return null;
    }

    public void Fail(RowOutcome outcome, IssueKind kind, string message)
    {
        Outcome = outcome;
        report?.AddIssue(new ImportIssue(csv.File, Line, Key, IssueSeverity.Error, kind, message));
    }

    /// <summary>An optional timestamp: empty is null; one that does not parse is null with a warning.</summary>
    public DateTimeOffset? OptionalTimestamp(string column)
    {
        var value = Get(column);
        if (value.Length == 0)
        {
            return null;
        }

        if (LegacyValues.TryTimestamp(value, out var result))
        {
            return result;
        }

        Warn(IssueKind.BadOptionalDate, Messages.BadOptionalDate(column, value));
        return null;
    }
}

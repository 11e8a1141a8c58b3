namespace OneStop.Legacy.Analysis;

/// <summary>The line of the last well-formed row of each key of a reference table, for "later row wins".</summary>
internal sealed class KeyIndex
{
    private readonly Dictionary<string, long> _lastLine = new(StringComparer.Ordinal);

    public int Count => _lastLine.Count;

    public void Add(string key, long line) => _lastLine[key] = line;

    public bool Contains(string key) => _lastLine.ContainsKey(key);

    /// <summary>Whether the row is an earlier duplicate; reports it as superseded when it is.</summary>
    public bool IsSuperseded(RowContext row, string keyColumn)
    {
        var winner = _lastLine[row.Key];
        if (winner == row.Line)
        {
            return false;
        }

        row.Fail(RowOutcome.Superseded, Reporting.IssueKind.DuplicateKey, Messages.DuplicateKey(keyColumn, row.Key, winner));
        return true;
    }
}

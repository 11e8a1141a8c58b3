namespace OneStop.Legacy.Analysis;

/// <summary>
/// The qua_trinh keys (so_ho_so, thu_tu) that occur more than once among the history rows of imported dossiers, each with the line
/// of its last row: as in ho_so, the later row wins and every earlier one is superseded (reported once, as duplicate_key).
/// Only the duplicated keys are held; which keys were seen is kept as bits on the dossier index.
/// </summary>
internal sealed class HistoryDuplicates
{
    private readonly Dictionary<(string Code, int Sequence), long> _lastLine = [];

    public int Count => _lastLine.Count;

    /// <summary>Called by the index pass for every well-formed history row of an imported dossier, in file order.</summary>
    public void Add(DossierIndex dossiers, string code, int sequence, long line)
    {
        if (!dossiers.AddHistory(code, sequence))
        {
            _lastLine[(code, sequence)] = line;
        }
    }

    /// <summary>The line of the row that wins when (code, sequence) is duplicated and this line is not it; otherwise null.</summary>
    public long? SupersededBy(string code, int sequence, long line) =>
        _lastLine.TryGetValue((code, sequence), out var winner) && winner != line ? winner : null;
}

namespace OneStop.Legacy.Analysis;

/// <summary>The compact per-code state of ho_so kept in memory: the winning line, whether it was rejected, an unknown procedure code.</summary>
internal sealed class DossierIndex(long expectedCodes)
{
    // Sized from the manifest's row count (clamped) so that a million codes do not pay for repeated doubling.
    private readonly Dictionary<string, Entry> _entries = new((int)Math.Clamp(expectedCodes, 0, 10_000_000), StringComparer.Ordinal);

    public int Count => _entries.Count;

    public void Set(string code, long line, bool rejected, string? unknownProcedure) =>
        _entries[code] = new Entry(line, rejected, unknownProcedure);

    public bool TryGet(string code, out Entry entry) => _entries.TryGetValue(code, out entry);

    /// <summary>The unknown procedure codes of the dossiers that will be imported, in code order.</summary>
    public IReadOnlyList<string> UnknownProcedures() =>
        _entries.Values.Where(e => !e.Rejected && e.UnknownProcedure is not null)
            .Select(e => e.UnknownProcedure!)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    internal readonly record struct Entry(long LastLine, bool Rejected, string? UnknownProcedure);
}

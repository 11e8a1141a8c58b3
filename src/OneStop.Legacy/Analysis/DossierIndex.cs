using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace OneStop.Legacy.Analysis;

/// <summary>The compact per-code state of ho_so kept in memory: the winning line, whether it was rejected, an unknown procedure code.</summary>
internal sealed class DossierIndex(long expectedCodes)
{
    // Sized from the manifest's row count (clamped) so that a million codes do not pay for repeated doubling.
    private readonly Dictionary<string, Entry> _entries = new((int)Math.Clamp(expectedCodes, 0, 10_000_000), StringComparer.Ordinal);

    private HashSet<(string Code, int Sequence)>? _otherSequences;

    public int Count => _entries.Count;

    public void Set(string code, long line, bool rejected, string? unknownProcedure) =>
        _entries[code] = new Entry(line, rejected, unknownProcedure);

    public bool TryGet(string code, out Entry entry) => _entries.TryGetValue(code, out entry);

    /// <summary>
    /// Records a history row (code, thu_tu) of an imported dossier seen by the index pass; returns false when the pair was seen before.
    /// Sequences 1–64 are a bit each on the dossier's entry (8 bytes per code, not a set entry per history row); others go to a set.
    /// </summary>
    public bool AddHistory(string code, int sequence)
    {
        ref var entry = ref CollectionsMarshal.GetValueRefOrNullRef(_entries, code);
        if (Unsafe.IsNullRef(ref entry))
        {
            throw new InvalidOperationException($"No dossier {code} in the index.");
        }

        if (sequence is >= 1 and <= 64)
        {
            var bit = 1UL << (sequence - 1);
            var seen = (entry.HistorySequences & bit) != 0;
            entry = entry with { HistorySequences = entry.HistorySequences | bit };
            return !seen;
        }

        return (_otherSequences ??= []).Add((code, sequence));
    }

    /// <summary>The unknown procedure codes of the dossiers that will be imported, in code order.</summary>
    public IReadOnlyList<string> UnknownProcedures() =>
        _entries.Values.Where(e => !e.Rejected && e.UnknownProcedure is not null)
            .Select(e => e.UnknownProcedure!)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    internal readonly record struct Entry(long LastLine, bool Rejected, string? UnknownProcedure)
    {
        /// <summary>Bit n-1 is set when the index pass saw a history row with thu_tu n (1–64) for the dossier.</summary>
        public ulong HistorySequences { get; init; }
    }
}

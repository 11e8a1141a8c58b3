using System.Text.Json.Serialization;

namespace OneStop.Legacy.Reporting;

/// <summary>Per-table counts where read = imported + unchanged + superseded + orphaned + parentRejected + rejected.</summary>
public sealed class TableCounters
{
    /// <summary>What the old system's manifest claims it exported, or null when the manifest does not say.</summary>
    [JsonInclude]
    public long? ManifestRows { get; internal set; }

    [JsonInclude]
    public long Read { get; internal set; }

    [JsonInclude]
    public long Imported { get; internal set; }

    [JsonInclude]
    public long Unchanged { get; internal set; }

    [JsonInclude]
    public long Superseded { get; internal set; }

    [JsonInclude]
    public long Orphaned { get; internal set; }

    [JsonInclude]
    public long ParentRejected { get; internal set; }

    [JsonInclude]
    public long Rejected { get; internal set; }

    /// <summary>Rows imported with at least one warning (not a term of the sum).</summary>
    [JsonInclude]
    public long Warnings { get; internal set; }

    /// <summary>Whether every row read is accounted for in exactly one count.</summary>
    [JsonIgnore]
    public bool IsBalanced => Read == Imported + Unchanged + Superseded + Orphaned + ParentRejected + Rejected;

    /// <summary>Moves rows the database writer found already imported and identical from imported to unchanged.</summary>
    public void MarkUnchanged(long count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Imported);
        Imported -= count;
        Unchanged += count;
    }
}

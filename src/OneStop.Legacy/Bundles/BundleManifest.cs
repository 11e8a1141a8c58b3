namespace OneStop.Legacy.Bundles;

/// <summary>The checked content of a bundle's manifest.json.</summary>
public sealed record BundleManifest(
    string Format,
    int FormatVersion,
    string SourceSystem,
    DateTimeOffset? ExportedAt,
    string Encoding,
    char Delimiter,
    IReadOnlyDictionary<string, string> Files,
    IReadOnlyDictionary<string, long> RowCounts)
{
    /// <summary>The longest name of the exporting system: what the import's run log and its numbering of sources keep.</summary>
    public const int MaxSourceSystemLength = 300;
}

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
    IReadOnlyDictionary<string, long> RowCounts);

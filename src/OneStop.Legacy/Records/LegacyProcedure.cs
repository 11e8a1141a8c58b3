namespace OneStop.Legacy.Records;

/// <summary>A thu_tuc row, or an inactive placeholder (Line 0) for a code that dossiers use but thu_tuc lacks.</summary>
public sealed record LegacyProcedure(
    long Line,
    string Code,
    string Name,
    string? FieldCode,
    string? AgencyCode,
    int? WorkingDays,
    decimal? Fee,
    int? OnlineLevel,
    bool IsPlaceholder);

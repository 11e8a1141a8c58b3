namespace OneStop.Legacy.Records;

/// <summary>A qua_trinh row: one action in a dossier's processing history.</summary>
public sealed record LegacyHistoryEntry(
    long Line,
    string DossierCode,
    int Sequence,
    DateTimeOffset At,
    string? UserName,
    string? AgencyCode,
    string Action,
    string? Content);

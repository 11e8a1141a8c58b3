namespace OneStop.Legacy.Records;

/// <summary>A don_vi row: an agency with its parent.</summary>
public sealed record LegacyAgency(long Line, string Code, string Name, string? ParentCode, AgencyLevel Level);

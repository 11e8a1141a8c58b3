namespace OneStop.Legacy.Records;

/// <summary>A linh_vuc row: a field of administrative procedures.</summary>
public sealed record LegacyField(long Line, string Code, string Name);

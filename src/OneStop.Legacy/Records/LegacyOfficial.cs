namespace OneStop.Legacy.Records;

/// <summary>A can_bo row: an official (no password is exported).</summary>
public sealed record LegacyOfficial(
    long Line,
    string UserName,
    string FullName,
    string? AgencyCode,
    string? Position,
    string? Email,
    string? PhoneAsTyped,
    string? Phone,
    bool IsActive);

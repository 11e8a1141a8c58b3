namespace OneStop.Infrastructure.Seeding;

/// <summary>A demo account.</summary>
public sealed record UserSeed(
    string Email,
    string FullName,
    string Role,
    string? AgencyCode,
    string? DepartmentCode,
    string? IdNumber = null,
    string? Phone = null,
    string? Address = null);

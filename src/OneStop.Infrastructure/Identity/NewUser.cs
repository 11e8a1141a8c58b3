namespace OneStop.Infrastructure.Identity;

/// <summary>What is needed to create an account.</summary>
public sealed record NewUser(
    string Email,
    string FullName,
    string Role,
    string? AgencyCode = null,
    string? DepartmentCode = null,
    string? Password = null,
    string? IdNumber = null,
    string? Phone = null,
    string? Address = null,
    bool EmailConfirmed = false);

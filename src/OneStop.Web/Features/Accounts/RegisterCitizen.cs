namespace OneStop.Web.Features.Accounts;

/// <summary>A citizen's self-registration.</summary>
public sealed record RegisterCitizen(string Email, string Password, string FullName, string IdNumber, string Phone, string? Address);

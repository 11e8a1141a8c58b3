namespace OneStop.Documents.Models;

/// <summary>The citizen or organisation a document concerns.</summary>
public sealed record Applicant(
    string Name,
    string? IdNumber = null,
    string? Address = null,
    string? Phone = null,
    string? Email = null);

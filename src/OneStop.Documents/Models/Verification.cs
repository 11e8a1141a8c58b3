namespace OneStop.Documents.Models;

/// <summary>Where and how anyone can verify the issued document: the URL in the QR code, a short code, and the code of a document it corrects.</summary>
public sealed record Verification(string Url, string Code, string? ReplacesCode = null)
{
    /// <summary>Who issues the document, as the verification line names it (the province's system and identifier); "hệ thống OneStop" when not set.</summary>
    public string? IssuedBy { get; init; }
}

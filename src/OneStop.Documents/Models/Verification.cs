namespace OneStop.Documents.Models;

/// <summary>Where and how anyone can verify the issued document: the URL in the QR code and a short code.</summary>
public sealed record Verification(string Url, string Code);

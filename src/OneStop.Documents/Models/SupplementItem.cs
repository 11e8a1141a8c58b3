namespace OneStop.Documents.Models;

/// <summary>One thing to add or correct, with the reason.</summary>
public sealed record SupplementItem(string Content, string Reason);

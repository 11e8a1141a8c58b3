namespace OneStop.Documents;

/// <summary>A rendered file: its bytes, lowercase hex SHA-256, media type, page count (0 for CSV) and a suggested file name.</summary>
public sealed record RenderedDocument(
    DocumentKind Kind,
    byte[] Content,
    string Sha256,
    string ContentType,
    int PageCount,
    string FileName)
{
    /// <summary>Where the form drew its signing spaces (empty for CSV and forms without a signature block).</summary>
    public IReadOnlyList<SignatureSlot> SignatureSlots { get; init; } = [];
}

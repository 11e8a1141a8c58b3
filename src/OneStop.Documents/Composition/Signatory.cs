namespace OneStop.Documents.Composition;

/// <summary>One signer: authority/title lines (may contain line breaks), the instruction note and the printed name.</summary>
public sealed record Signatory(string Title, string? Name, string Note = "(Ký và ghi rõ họ tên)")
{
    /// <summary>The key under which the rendered document reports this signer's signing space (<see cref="SignatureSlotKeys"/>); none when null.</summary>
    public string? SlotKey { get; init; }
}

namespace OneStop.Documents.Composition;

/// <summary>A table cell: text (line breaks honoured) with an optional style and alignment overriding the table's.</summary>
public sealed record TableCell(string Text, TextStyle? Style = null, TextAlign? Align = null)
{
    public static implicit operator TableCell(string text) => new(text);
}

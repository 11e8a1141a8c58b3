namespace OneStop.Documents.Composition;

/// <summary>Horizontal alignment of lines within their box.</summary>
public enum TextAlign
{
    Left,
    Center,
    Right,
    Justify,
}

using PdfSharp.Drawing;

namespace OneStop.Documents.Composition;

// A measured word (or part of one) ready to be placed on a line.
internal sealed record TextFragment(string Text, TextStyle Style, XFont Font, double Width, bool SpaceAfter, double SpaceWidth)
{
    public bool IsBreak => Text.Length == 0 && Width < 0;

    public static TextFragment Break(TextStyle style, XFont font) => new("", style, font, -1, false, 0);
}

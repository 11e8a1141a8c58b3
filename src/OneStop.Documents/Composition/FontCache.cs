using PdfSharp.Drawing;
using PdfSharp.Pdf;
using OneStop.Documents.Fonts;

namespace OneStop.Documents.Composition;

// Per-document cache of fonts so that nothing font-related is shared between concurrent renders.
internal sealed class FontCache
{
    private static readonly XPdfFontOptions Options = new(PdfFontEncoding.Unicode);
    private readonly Dictionary<(double, bool, bool, bool), XFont> _fonts = [];

    /// <summary>
    /// The font of <paramref name="style"/> for drawing <paramref name="text"/>: the reduced Liberation Serif, or the complete one when
    /// the text has a character the reduced faces lack. Both have the same metrics, so a word measures the same in either.
    /// </summary>
    public XFont Get(TextStyle style, string text = "")
    {
        var complete = !LiberationFontResolver.Covers(text);
        var key = (style.Size, style.Bold, style.Italic, complete);
        if (!_fonts.TryGetValue(key, out var font))
        {
            var xs = (style.Bold, style.Italic) switch
            {
                (true, true) => XFontStyleEx.BoldItalic,
                (true, false) => XFontStyleEx.Bold,
                (false, true) => XFontStyleEx.Italic,
                _ => XFontStyleEx.Regular,
            };
            font = new XFont(complete ? LiberationFontResolver.CompleteFamilyName : LiberationFontResolver.FamilyName, style.Size, xs, Options);
            _fonts[key] = font;
        }

        return font;
    }
}

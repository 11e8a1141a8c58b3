using PdfSharp.Drawing;
using PdfSharp.Pdf;
using OneStop.Documents.Fonts;

namespace OneStop.Documents.Composition;

// Per-document cache of fonts so that nothing font-related is shared between concurrent renders.
internal sealed class FontCache
{
    private static readonly XPdfFontOptions Options = new(PdfFontEncoding.Unicode);
    private readonly Dictionary<(double, bool, bool), XFont> _fonts = [];

    public XFont Get(TextStyle style)
    {
        var key = (style.Size, style.Bold, style.Italic);
        if (!_fonts.TryGetValue(key, out var font))
        {
            var xs = (style.Bold, style.Italic) switch
            {
                (true, true) => XFontStyleEx.BoldItalic,
                (true, false) => XFontStyleEx.Bold,
                (false, true) => XFontStyleEx.Italic,
                _ => XFontStyleEx.Regular,
            };
            font = new XFont(LiberationFontResolver.FamilyName, style.Size, xs, Options);
            _fonts[key] = font;
        }

        return font;
    }
}

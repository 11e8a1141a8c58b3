using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace OneStop.Documents.Composition;

// The state of one render: the document, the current page and the vertical cursor.
internal sealed class RenderContext : IDisposable
{
    private const double FooterSize = 8.5;
    private readonly string? _footer;
    private readonly double _footerHeight;
    private readonly bool _numberPages;
    private readonly Dictionary<(XFont, string), double> _widths = [];

    /// <summary>
    /// The words of each paragraph's runs (the list, by reference) and of each single run (a table cell's, by value), measured once per
    /// render: a paragraph is broken into lines several times (measured, balanced, flowed), and a table's cells again on each page.
    /// </summary>
    internal Dictionary<object, List<TextFragment>> Words { get; } = [];

    public RenderContext(PdfDocument document, PageSettings page, string? footer, bool numberPagesFromSecond = false)
    {
        Document = document;
        Page = page;
        _footer = string.IsNullOrWhiteSpace(footer) ? null : Normalize(footer);
        _numberPages = numberPagesFromSecond;
        NewPageCore();
        _footerHeight = _footer is null ? 0 : Fonts.Get(new TextStyle(FooterSize, Italic: true), _footer).GetHeight() + 6;
        DrawFooter();
    }

    public PdfDocument Document { get; }

    public PageSettings Page { get; }

    public FontCache Fonts { get; } = new();

    public XGraphics Gfx { get; private set; } = null!;

    public double Y { get; set; }

    public double Left => Page.Left;

    public double ContentWidth => Page.ContentWidth;

    public double Top => Page.Top;

    public double Bottom => Page.Bottom - _footerHeight;

    public double ContentHeight => Bottom - Top;

    public bool AtPageTop => Y <= Top + 0.01;

    public List<SignatureSlot> SignatureSlots { get; } = [];

    /// <summary>
    /// NFC. Text made only of characters below U+0300 (Latin, with ơ, ư, đ) and of Latin Extended Additional (U+1E00–U+1EFF, the
    /// precomposed Vietnamese letters) is already NFC: no combining mark to compose, no singleton to replace. That is nearly every
    /// text of a Vietnamese document, and it skips ICU.
    /// </summary>
    public static string Normalize(string text)
    {
        foreach (var c in text)
        {
            if (c >= '\u0300' && (c < '\u1E00' || c > '\u1EFF'))
            {
                return text.Normalize(NormalizationForm.FormC);
            }
        }

        return text;
    }

    // Words repeat a lot in Vietnamese ("hồ sơ", "ngày", "tháng"); measuring each once per render pays off.
    public double Width(string text, XFont font)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        if (!_widths.TryGetValue((font, text), out var width))
        {
            width = Gfx.MeasureString(text, font).Width;
            _widths[(font, text)] = width;
        }

        return width;
    }

    public static double Ascent(XFont font) => font.Metrics.Ascent * font.Size / font.Metrics.UnitsPerEm;

    // Starts a new page unless the given height still fits (or the page is still empty).
    public void EnsureSpace(double height)
    {
        if (Y + height > Bottom + 0.01 && !AtPageTop)
        {
            NewPage();
        }
    }

    // x and y are XGraphics coordinates (top left origin) on the current page; slots are kept in PDF user space.
    public void RecordSignatureSlot(string key, double x, double y, double width, double height) =>
        SignatureSlots.Add(new SignatureSlot(key, Document.PageCount - 1, x, Page.Height - y - height, width, height));

    public void NewPage()
    {
        Gfx.Dispose();
        NewPageCore();
        DrawFooter();
        DrawPageNumber();
    }

    public void Dispose() => Gfx.Dispose();

    private void NewPageCore()
    {
        var page = Document.AddPage();
        page.Width = XUnit.FromPoint(Page.Width);
        page.Height = XUnit.FromPoint(Page.Height);
        Gfx = XGraphics.FromPdfPage(page);
        Y = Top;
    }

    // Decree 30: pages from the second on carry their number at the top centre, in the top margin. The number of a page is known when
    // it is started, so it is drawn then, with the page's own graphics.
    private void DrawPageNumber()
    {
        if (!_numberPages)
        {
            return;
        }

        var font = Fonts.Get(TextStyle.Body);
        var text = Document.PageCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var x = Left + ((ContentWidth - Width(text, font)) / 2);
        var y = (Top / 2) + (Ascent(font) / 2);
        Gfx.DrawString(text, font, XBrushes.Black, x, y);
    }

    private void DrawFooter()
    {
        if (_footer is null)
        {
            return;
        }

        var font = Fonts.Get(new TextStyle(FooterSize, Italic: true), _footer);
        var text = _footer;
        while (text.Length > 4 && Width(text, font) > ContentWidth)
        {
            text = text[..^4] + "…";
        }

        var y = Page.Bottom - font.GetHeight();
        Gfx.DrawLine(new XPen(XColors.Black, 0.4), Left, y - 3, Page.Right, y - 3);
        var x = Left + ((ContentWidth - Width(text, font)) / 2);
        Gfx.DrawString(text, font, XBrushes.Black, x, y + Ascent(font));
    }
}

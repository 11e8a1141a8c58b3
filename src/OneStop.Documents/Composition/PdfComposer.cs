using PdfSharp.Drawing;
using PdfSharp.Pdf;
using OneStop.Documents.Fonts;

namespace OneStop.Documents.Composition;

/// <summary>Turns a <see cref="DocumentLayout"/> into PDF bytes; safe to call from many threads at once.</summary>
public static class PdfComposer
{
    /// <summary>Composes the layout and returns the PDF file's bytes.</summary>
    public static byte[] Render(DocumentLayout layout) => Compose(layout).Content;

    internal static (byte[] Content, int PageCount) Compose(DocumentLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        FontSetup.EnsureConfigured();
        using var document = new PdfDocument();
        document.Info.Title = RenderContext.Normalize(layout.Title);
        document.Info.Author = RenderContext.Normalize(layout.Author);
        document.Info.Subject = RenderContext.Normalize(layout.Subject);
        document.Info.Creator = "OneStop";
        document.Options.CompressContentStreams = true;

        using (var ctx = new RenderContext(document, layout.Page, layout.Footer))
        {
            foreach (var block in layout.Blocks)
            {
                block.Flow(ctx);
            }
        }

        if (layout.NumberPagesFromSecond)
        {
            NumberPages(document, layout.Page);
        }

        using var stream = new MemoryStream();
        var pages = document.PageCount;
        document.Save(stream, false);
        return (stream.ToArray(), pages);
    }

    private static void NumberPages(PdfDocument document, PageSettings settings)
    {
        var fonts = new FontCache();
        var font = fonts.Get(new TextStyle(13));
        for (var i = 1; i < document.PageCount; i++)
        {
            using var gfx = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
            var text = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var width = gfx.MeasureString(text, font).Width;
            var x = settings.Left + ((settings.ContentWidth - width) / 2);
            var y = (settings.Top / 2) + (RenderContext.Ascent(font) / 2);
            gfx.DrawString(text, font, XBrushes.Black, x, y);
        }
    }
}

using System.IO.Compression;
using OneStop.Documents.Fonts;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace OneStop.Documents.Signing.Pdf;

// Draws with PDFsharp on a scratch page the size of a signature's appearance and moves the page's content, with the
// fonts (subset, with ToUnicode) and images it uses, into an incremental update as one form XObject. PDFsharp cannot
// write incremental updates itself, and this keeps one drawing model (XGraphics, the fonts the forms use) for both.
internal static class FormXObjectTransplant
{
    public static int Add(IncrementalUpdate update, double width, double height, Action<XGraphics> draw)
    {
        var scratch = PdfFile.Read(Render(width, height, draw));
        var pages = scratch.Dictionary(scratch.Dictionary(scratch.RootNumber).Reference("/Pages")
            ?? throw new PdfFormatException("PDF: the scratch page tree is missing."));
        var kids = scratch.Resolve(pages["/Kids"] ?? "[]");
        var pageNumber = PdfSyntax.References(kids).First();
        var page = scratch.Dictionary(pageNumber);
        var resources = scratch.Resolve(page["/Resources"] ?? "<<>>");

        // Every object the resources reach (fonts, their descriptors, files and maps, images, graphics states) gets a new number.
        var map = new Dictionary<int, int>();
        var pending = new Stack<int>(PdfSyntax.References(resources));
        while (pending.Count > 0)
        {
            var n = pending.Pop();
            if (map.ContainsKey(n))
            {
                continue;
            }

            map[n] = update.Allocate();
            foreach (var r in PdfSyntax.References(scratch.ObjectText(n)))
            {
                pending.Push(r);
            }
        }

        foreach (var (oldNumber, newNumber) in map)
        {
            var text = PdfSyntax.RewriteReferences(scratch.ObjectText(oldNumber), n => map[n]);
            if (scratch.IsStream(oldNumber))
            {
                var dict = PdfDictionaryText.Parse(text);
                update.SetStream(newNumber, dict, scratch.StreamData(oldNumber));
            }
            else
            {
                update.Set(newNumber, text);
            }
        }

        var form = new PdfDictionaryText
        {
            ["/Type"] = "/XObject",
            ["/Subtype"] = "/Form",
            ["/BBox"] = $"[0 0 {PdfSyntax.Number(width)} {PdfSyntax.Number(height)}]",
            ["/Resources"] = PdfSyntax.RewriteReferences(resources, n => map[n]),
            ["/Filter"] = "/FlateDecode",
        };
        var number = update.Allocate();
        update.SetStream(number, form, Compress(Content(scratch, page)));
        return number;
    }

    private static byte[] Render(double width, double height, Action<XGraphics> draw)
    {
        FontSetup.EnsureConfigured();
        using var document = new PdfDocument();
        document.Options.CompressContentStreams = true;
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(width);
        page.Height = XUnit.FromPoint(height);
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            draw(gfx);
        }

        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    // The page's content, decoded and joined when PDFsharp wrote several streams.
    private static byte[] Content(PdfFile scratch, PdfDictionaryText page)
    {
        var contents = page["/Contents"] ?? "[]";
        var numbers = PdfSyntax.References(contents)
            .SelectMany(n => scratch.IsStream(n) ? [n] : PdfSyntax.References(scratch.ObjectText(n)))
            .ToList();
        using var joined = new MemoryStream();
        foreach (var n in numbers)
        {
            var dict = scratch.Dictionary(n);
            var data = scratch.StreamData(n);
            if (dict.NameIs("/Filter", "/FlateDecode"))
            {
                using var z = new ZLibStream(new MemoryStream(data), CompressionMode.Decompress);
                z.CopyTo(joined);
            }
            else
            {
                PdfSyntax.Require(dict["/Filter"] is null, 0, "unexpected filter on the scratch page content");
                joined.Write(data);
            }

            joined.WriteByte((byte)'\n');
        }

        return joined.ToArray();
    }

    private static byte[] Compress(byte[] data)
    {
        using var output = new MemoryStream();
        using (var z = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            z.Write(data);
        }

        return output.ToArray();
    }
}

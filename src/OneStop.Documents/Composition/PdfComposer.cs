using PdfSharp.Pdf;
using OneStop.Documents.Fonts;

namespace OneStop.Documents.Composition;

/// <summary>Turns a <see cref="DocumentLayout"/> into PDF bytes; safe to call from many threads at once.</summary>
public static class PdfComposer
{
    /// <summary>Composes the layout and returns the PDF file's bytes.</summary>
    public static byte[] Render(DocumentLayout layout) => Compose(layout).Content;

    internal static (byte[] Content, int PageCount, IReadOnlyList<SignatureSlot> Slots) Compose(DocumentLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        FontSetup.EnsureConfigured();
        using var document = new PdfDocument();
        document.Info.Title = RenderContext.Normalize(layout.Title);
        document.Info.Author = RenderContext.Normalize(layout.Author);
        document.Info.Subject = RenderContext.Normalize(layout.Subject);
        document.Info.Creator = "OneStop";
        document.Options.CompressContentStreams = true;
        document.Options.FlateEncodeMode = PdfFlateEncodeMode.BestSpeed;

        IReadOnlyList<SignatureSlot> slots;
        using (var ctx = new RenderContext(document, layout.Page, layout.Footer, layout.NumberPagesFromSecond))
        {
            var blocks = layout.Blocks;
            for (var i = 0; i < blocks.Count; i++)
            {
                blocks[i].Flow(ctx, Math.Min(Reserve(ctx, blocks, i), ctx.ContentHeight / 2));
            }

            slots = [.. ctx.SignatureSlots];
        }

        using var stream = new MemoryStream();
        var pages = document.PageCount;
        document.Save(stream, false);
        return (stream.ToArray(), pages, slots);
    }

    // The height of the chain of blocks that must share a page with the end of block i.
    private static double Reserve(RenderContext ctx, List<Block> blocks, int i)
    {
        double reserve = 0;
        for (var j = i; j + 1 < blocks.Count && (blocks[j].KeepWithNext || blocks[j + 1].KeepWithPrevious); j++)
        {
            reserve += blocks[j + 1].Measure(ctx, ctx.ContentWidth);
        }

        return reserve;
    }
}

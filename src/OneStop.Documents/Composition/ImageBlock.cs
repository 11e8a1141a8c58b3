using PdfSharp.Drawing;

namespace OneStop.Documents.Composition;

/// <summary>A raster image (JPEG, PNG or BMP as PDFsharp reads them) drawn at a fixed size in points.</summary>
public sealed class ImageBlock(byte[] data, double width, double height, TextAlign align = TextAlign.Left) : Block
{
    public byte[] Data { get; } = data;

    public double ImageWidth { get; } = width;

    public double ImageHeight { get; } = height;

    public TextAlign Align { get; } = align;

    internal override double Measure(RenderContext ctx, double width) => ImageHeight;

    internal override void Draw(RenderContext ctx, double x, double y, double width)
    {
        using var stream = new MemoryStream(Data, writable: false);
        using var image = XImage.FromStream(stream);
        var w = Math.Min(ImageWidth, width);
        ctx.Gfx.DrawImage(image, AlignX(x, width, w, Align), y, w, ImageHeight);
    }

    internal static double AlignX(double x, double box, double w, TextAlign align) => align switch
    {
        TextAlign.Center => x + ((box - w) / 2),
        TextAlign.Right => x + box - w,
        _ => x,
    };
}

using PdfSharp.Drawing;
using QRCoder;

namespace OneStop.Documents.Composition;

/// <summary>A QR code drawn as vector modules (crisp at any zoom, no image decoding).</summary>
public sealed class QrCodeBlock(string payload, double size, TextAlign align = TextAlign.Left) : Block
{
    public string Payload { get; } = payload;

    public double Size { get; } = size;

    public TextAlign Align { get; } = align;

    internal override double Measure(RenderContext ctx, double width) => Size;

    internal override void Draw(RenderContext ctx, double x, double y, double width)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(Payload, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var modules = matrix.Count;
        var unit = Size / modules;
        var left = ImageBlock.AlignX(x, width, Size, Align);
        for (var row = 0; row < modules; row++)
        {
            var bits = matrix[row];
            var col = 0;
            while (col < modules)
            {
                if (!bits[col])
                {
                    col++;
                    continue;
                }

                var start = col;
                while (col < modules && bits[col])
                {
                    col++;
                }

                // A hair of overlap avoids white seams between modules in some viewers.
                ctx.Gfx.DrawRectangle(XBrushes.Black, left + (start * unit), y + (row * unit), ((col - start) * unit) + 0.05, unit + 0.05);
            }
        }
    }
}

using System.Buffers.Binary;
using PdfSharp.Drawing;
using QRCoder;

namespace OneStop.Documents.Composition;

/// <summary>
/// A QR code drawn as one black-and-white image of its modules, a pixel per module, scaled without interpolation so that every
/// module stays a sharp square at any zoom; a few hundred bytes, where drawing each run of modules as a rectangle wrote
/// a few thousand numbers into the page.
/// </summary>
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
        using var stream = new MemoryStream(Bitmap(data.ModuleMatrix), writable: false);
        using var image = XImage.FromStream(stream);
        image.Interpolate = false;
        ctx.Gfx.DrawImage(image, ImageBlock.AlignX(x, width, Size, Align), y, Size, Size);
    }

    // A 1-bit BMP of the modules (quiet zone included): palette entry 0 black, 1 white; rows bottom-up, each padded to 4 bytes.
    private static byte[] Bitmap(IReadOnlyList<System.Collections.BitArray> matrix)
    {
        const int headers = 14 + 40 + 8;
        var n = matrix.Count;
        var stride = ((n + 31) / 32) * 4;
        var bmp = new byte[headers + (stride * n)];
        var span = bmp.AsSpan();
        span[0] = (byte)'B';
        span[1] = (byte)'M';
        BinaryPrimitives.WriteInt32LittleEndian(span[2..], bmp.Length);
        BinaryPrimitives.WriteInt32LittleEndian(span[10..], headers);
        BinaryPrimitives.WriteInt32LittleEndian(span[14..], 40);
        BinaryPrimitives.WriteInt32LittleEndian(span[18..], n);
        BinaryPrimitives.WriteInt32LittleEndian(span[22..], n);
        BinaryPrimitives.WriteInt16LittleEndian(span[26..], 1);
        BinaryPrimitives.WriteInt16LittleEndian(span[28..], 1);
        BinaryPrimitives.WriteInt32LittleEndian(span[34..], stride * n);
        BinaryPrimitives.WriteInt32LittleEndian(span[46..], 2);

        // Palette: black (B, G, R, reserved), then white.
        span[58] = span[59] = span[60] = 255;
        for (var row = 0; row < n; row++)
        {
            var bits = matrix[row];
            var line = span.Slice(headers + ((n - 1 - row) * stride), stride);
            for (var col = 0; col < n; col++)
            {
                if (!bits[col])
                {
                    line[col >> 3] |= (byte)(0x80 >> (col & 7));
                }
            }
        }

        return bmp;
    }
}

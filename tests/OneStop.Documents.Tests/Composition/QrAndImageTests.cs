using System.Diagnostics;
using OneStop.Documents.Composition;
using OneStop.Documents.Tests.Support;
using QRCoder;

namespace OneStop.Documents.Tests.Composition;

public class QrAndImageTests
{
    [Fact]
    public void Qr_code_modules_rasterise_exactly_as_QRCoder_encoded_them()
    {
        _ = Renderer.Instance;
        const string url = "https://onestop.langson.gov.vn/verify/3f2a9c1e-4b7d-4e0a-9c1f-0123456789ab";
        const double size = 200;
        var layout = new DocumentLayout().Add(new QrCodeBlock(url, size));
        var pdf = PdfComposer.Render(layout);

        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var (width, pixels) = RasterGray(pdf, dpi: 144);
        var page = PageSettings.A4Portrait;
        var unit = size / matrix.Count;
        var wrong = 0;
        for (var r = 0; r < matrix.Count; r++)
        {
            for (var c = 0; c < matrix.Count; c++)
            {
                var x = (int)((page.Left + ((c + 0.5) * unit)) * 2);
                var y = (int)((page.Top + ((r + 0.5) * unit)) * 2);
                var dark = pixels[(y * width) + x] < 128;
                if (dark != matrix[r][c])
                {
                    wrong++;
                }
            }
        }

        Assert.Equal(0, wrong);
    }

    [Fact]
    public void Bmp_image_is_embedded_as_an_image_xobject()
    {
        _ = Renderer.Instance;
        var layout = new DocumentLayout().Add(new ImageBlock(TinyBmp(), 40, 40, TextAlign.Center));
        var raw = System.Text.Encoding.Latin1.GetString(PdfComposer.Render(layout));
        Assert.Matches("/Subtype ?/Image", raw);
    }

    private static byte[] TinyBmp()
    {
        // 2×2 pixels, 24-bit, bottom-up rows padded to 4 bytes.
        using var ms = new MemoryStream();
        using var w = new BinaryWriter(ms);
        const int rowBytes = 8;
        w.Write((byte)'B');
        w.Write((byte)'M');
        w.Write(54 + (rowBytes * 2));
        w.Write(0);
        w.Write(54);
        w.Write(40);
        w.Write(2);
        w.Write(2);
        w.Write((short)1);
        w.Write((short)24);
        w.Write(0);
        w.Write(rowBytes * 2);
        w.Write(2835);
        w.Write(2835);
        w.Write(0);
        w.Write(0);
        w.Write(new byte[] { 0, 0, 255, 255, 255, 255, 0, 0 });
        w.Write(new byte[] { 255, 0, 0, 0, 0, 0, 0, 0 });
        return ms.ToArray();
    }

    private static (int Width, byte[] Pixels) RasterGray(byte[] pdf, int dpi)
    {
        var dir = Directory.CreateTempSubdirectory("onestop-qr");
        try
        {
            var file = Path.Combine(dir.FullName, "qr.pdf");
            File.WriteAllBytes(file, pdf);
            var psi = new ProcessStartInfo("pdftoppm") { UseShellExecute = false };
            foreach (var a in new[] { "-gray", "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-f", "1", "-l", "1", "-singlefile", file, Path.Combine(dir.FullName, "qr") })
            {
                psi.ArgumentList.Add(a);
            }

            using (var p = Process.Start(psi)!)
            {
                p.WaitForExit();
                Assert.Equal(0, p.ExitCode);
            }

            return ParsePgm(File.ReadAllBytes(Path.Combine(dir.FullName, "qr.pgm")));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static (int Width, byte[] Pixels) ParsePgm(byte[] bytes)
    {
        // Header: "P5" width height maxval, whitespace separated, then raw bytes.
        var fields = new List<string>();
        var i = 0;
        while (fields.Count < 4)
        {
            while (char.IsWhiteSpace((char)bytes[i]))
            {
                i++;
            }

            var start = i;
            while (!char.IsWhiteSpace((char)bytes[i]))
            {
                i++;
            }

            fields.Add(System.Text.Encoding.ASCII.GetString(bytes, start, i - start));
        }

        Assert.Equal("P5", fields[0]);
        var width = int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
        return (width, bytes[(i + 1)..]);
    }
}

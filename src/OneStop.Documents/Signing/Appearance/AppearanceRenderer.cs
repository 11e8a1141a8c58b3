using System.Globalization;
using System.Text;
using OneStop.Documents.Composition;
using OneStop.Documents.Fonts;
using OneStop.Documents.Forms;
using PdfSharp.Drawing;

namespace OneStop.Documents.Signing.Appearance;

// Draws a signature's visible block: the person's (name, title lines, signing time, in blue) or the agency's seal
// (agency name and the signing time in ISO 8601 with Vietnam's offset, in red), with the optional PNG above the text.
internal static class AppearanceRenderer
{
    private const double Padding = 3;
    private const double MaxSize = 8;
    private const double MinSize = 5.5;
    private static readonly XColor Blue = XColor.FromArgb(0, 51, 153);
    private static readonly XColor Red = XColor.FromArgb(200, 16, 46);

    public static void Draw(XGraphics gfx, double width, double height, SignatureAppearance appearance, DateTimeOffset signingTime)
    {
        var color = appearance.Kind == SignatureKind.Seal ? Red : Blue;
        var lines = Lines(appearance, signingTime);
        var textTop = Padding;
        if (appearance.Image is { } png)
        {
            textTop = DrawImage(gfx, png, width, height, appearance.Kind);
        }
        else
        {
            gfx.DrawRectangle(new XPen(color, 0.6), 0.3, 0.3, width - 0.6, height - 0.6);
        }

        var box = new XRect(Padding, textTop, width - (2 * Padding), height - textTop - Padding);
        for (var size = MaxSize; size >= MinSize; size -= 0.5)
        {
            var laid = Layout(gfx, lines, box.Width, size);
            var total = laid.Sum(l => l.Font.GetHeight());
            var widest = laid.Max(l => gfx.MeasureString(l.Text, l.Font).Width);
            if ((total <= box.Height && widest <= box.Width) || size - 0.5 < MinSize)
            {
                var y = box.Top + Math.Max(0, (box.Height - total) / 2);
                var brush = new XSolidBrush(color);
                foreach (var (text, font) in laid)
                {
                    var w = gfx.MeasureString(text, font).Width;
                    gfx.DrawString(text, font, brush, box.Left + Math.Max(0, (box.Width - w) / 2), y + Ascent(font));
                    y += font.GetHeight();
                }

                return;
            }
        }
    }

    internal static IReadOnlyList<(string Text, bool Bold)> Lines(SignatureAppearance a, DateTimeOffset signingTime)
    {
        var vn = VnFormat.ToVietnamTime(signingTime);
        if (a.Kind == SignatureKind.Seal)
        {
            return
            [
                (Nfc(a.Name), true),
                ("Ký số: " + vn.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), false),
            ];
        }

        var lines = new List<(string, bool)> { ("Ký số bởi: " + Nfc(a.Name), true) };
        lines.AddRange(a.TitleLines.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => (Nfc(t.Trim()), false)));
        lines.Add(("Thời gian ký: " + vn.ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture) + " (GMT+7)", false));
        return lines;
    }

    private static double DrawImage(XGraphics gfx, byte[] png, double width, double height, SignatureKind kind)
    {
        using var stream = new MemoryStream(png, writable: false);
        using var image = XImage.FromStream(stream);
        var textReserve = kind == SignatureKind.Seal ? 10 : height * 0.45;
        var maxH = height - textReserve;
        var scale = Math.Min(width / image.PointWidth, maxH / image.PointHeight);
        var w = image.PointWidth * scale;
        var h = image.PointHeight * scale;
        gfx.DrawImage(image, (width - w) / 2, 0, w, h);
        return h;
    }

    private static List<(string Text, XFont Font)> Layout(XGraphics gfx, IReadOnlyList<(string Text, bool Bold)> lines, double width, double size)
    {
        FontSetup.EnsureConfigured();
        var fonts = new FontCache();
        var result = new List<(string, XFont)>();
        foreach (var (text, isBold) in lines)
        {
            var font = fonts.Get(new TextStyle(size, Bold: isBold), text);
            var line = new StringBuilder();
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && gfx.MeasureString(candidate, font).Width > width)
                {
                    result.Add((line.ToString(), font));
                    line.Clear().Append(word);
                }
                else
                {
                    line.Clear().Append(candidate);
                }
            }

            if (line.Length > 0)
            {
                result.Add((line.ToString(), font));
            }
        }

        return result;
    }

    private static double Ascent(XFont font) => font.Metrics.Ascent * font.Size / font.Metrics.UnitsPerEm;

    private static string Nfc(string s) => s.Normalize(NormalizationForm.FormC);
}

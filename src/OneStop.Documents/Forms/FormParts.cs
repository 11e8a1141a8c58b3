using OneStop.Documents.Composition;
using OneStop.Documents.Models;

namespace OneStop.Documents.Forms;

// The pieces every administrative document shares: header, title, labelled lines, verification.
internal static class FormParts
{
    public const double BodySize = 13;
    private const double HeaderLeft = 41;
    private const double HeaderRight = 59;
    public static readonly TextStyle Body = new(BodySize);
    public static readonly TextStyle Bold = new(BodySize, Bold: true);
    public static readonly TextStyle Italic = new(BodySize, Italic: true);

    public static Block Header(DocumentHeader h)
    {
        var left = new List<Block>();
        if (!string.IsNullOrWhiteSpace(h.ParentAgencyName))
        {
            left.Add(Centered(h.ParentAgencyName.ToUpperInvariant(), new TextStyle(12.5)));
        }

        var hasUnit = !string.IsNullOrWhiteSpace(h.UnitName);
        left.Add(Centered(h.AgencyName.ToUpperInvariant(), new TextStyle(12.5, Bold: !hasUnit)));
        if (hasUnit)
        {
            left.Add(Centered(h.UnitName!.ToUpperInvariant(), new TextStyle(12.5, Bold: true)));
        }

        left.Add(new RuleBlock(60) { SpaceAbove = 3.5, SpaceBelow = 0 });
        var right = new List<Block>
        {
            Centered("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", new TextStyle(12.5, Bold: true)),
            Centered("Độc lập - Tự do - Hạnh phúc", new TextStyle(13.5, Bold: true, Underline: true)),
        };

        // The reference number and the place/date line share one row, as Decree 30 lays them out.
        List<Block> number = string.IsNullOrWhiteSpace(h.Reference) ? [] : [Centered($"Số: {h.Reference}", Body)];
        var date = new List<Block> { Centered(VnFormat.PlaceAndDate(h.Place, h.IssuedAt), new TextStyle(13.5, Italic: true)) };
        return new KeepTogetherBlock(
            new ColumnsBlock(new Column(HeaderLeft, left), new Column(HeaderRight, right)) { Gap = 4 },
            new SpacerBlock(6),
            new ColumnsBlock(new Column(HeaderLeft, number), new Column(HeaderRight, date)) { Gap = 4 });
    }

    public static Paragraph Centered(string text, TextStyle style) =>
        new(text, style, TextAlign.Center) { SpaceAfter = 0, Balance = true };

    public static IEnumerable<Block> Title(string title, string? code = null, string? subtitle = null)
    {
        yield return new Paragraph(title, new TextStyle(14, Bold: true), TextAlign.Center) { SpaceBefore = 18, SpaceAfter = 2, KeepTogether = true };
        if (!string.IsNullOrWhiteSpace(subtitle))
        {
            yield return new Paragraph(subtitle, new TextStyle(13, Italic: true), TextAlign.Center) { SpaceAfter = 2 };
        }

        if (!string.IsNullOrWhiteSpace(code))
        {
            yield return new Paragraph(new TextRun("Mã hồ sơ: ", Body), new TextRun(code, Bold)) { Align = TextAlign.Center, SpaceAfter = 2 };
        }

        yield return new SpacerBlock(8);
    }

    // "Label: value" as one justified paragraph; null or empty values print dots for hand filling.
    public static Paragraph Line(string label, string? value, bool boldValue = false) =>
        new(new TextRun(label + ": ", Body), new TextRun(string.IsNullOrWhiteSpace(value) ? "……………" : value, boldValue ? Bold : Body))
        {
            Align = TextAlign.Justify,
            SpaceAfter = 3,
        };

    // "Lý do: …" as an indented justified paragraph with a bold label.
    public static Paragraph Labelled(string label, string value) =>
        new(new TextRun(label + ": ", Bold), new TextRun(value, Body))
        {
            Align = TextAlign.Justify,
            FirstLineIndent = 28,
            SpaceAfter = 4,
        };

    public static Paragraph Text(string text, TextStyle? style = null, double indent = 28) =>
        new(text, style ?? Body, TextAlign.Justify) { FirstLineIndent = indent, SpaceAfter = 4 };

    public static IEnumerable<Paragraph> ApplicantLines(Applicant a, string nameLabel)
    {
        yield return Line(nameLabel, a.Name, boldValue: true);
        if (!string.IsNullOrWhiteSpace(a.IdNumber))
        {
            yield return Line("Số định danh cá nhân/CCCD", a.IdNumber);
        }

        yield return Line("Địa chỉ", a.Address);
        yield return Line("Số điện thoại", $"{Or(a.Phone)}; thư điện tử: {Or(a.Email)}");
    }

    public static Block Recipients(IEnumerable<string> lines)
    {
        var blocks = new List<Block> { new Paragraph("Nơi nhận:", new TextStyle(12, Bold: true, Italic: true)) { SpaceAfter = 0 } };
        blocks.AddRange(lines.Select(l => new Paragraph(l, new TextStyle(11)) { SpaceAfter = 0 }));
        return new ColumnsBlock(new Column(1, blocks));
    }

    public static Block Verification(Verification v)
    {
        var text = new List<Block>
        {
            new Paragraph($"Văn bản điện tử do {(string.IsNullOrWhiteSpace(v.IssuedBy) ? "hệ thống OneStop" : v.IssuedBy)} phát hành. Quét mã QR hoặc truy cập địa chỉ dưới đây để kiểm tra tính xác thực:",
                new TextStyle(10.5, Italic: true)) { SpaceAfter = 1 },
            new Paragraph(v.Url, new TextStyle(10.5)) { SpaceAfter = 1 },
            new Paragraph(new TextRun("Mã xác thực: ", new TextStyle(10.5)), new TextRun(v.Code, new TextStyle(11, Bold: true))) { SpaceAfter = 0 },
        };
        if (!string.IsNullOrWhiteSpace(v.ReplacesCode))
        {
            text.Add(new Paragraph($"Văn bản này thay thế văn bản có mã xác thực {v.ReplacesCode}.", new TextStyle(10.5, Italic: true)) { SpaceAfter = 0 });
        }

        var size = 22 * PageSettings.PointsPerMm;
        return new KeepTogetherBlock(
            new SpacerBlock(10),
            new ColumnsBlock(new Column(size, [new QrCodeBlock(v.Url, size)]), new Column(120 * PageSettings.PointsPerMm, text)) { Gap = 8 })
        {
            KeepWithPrevious = true,
        };
    }

    public static string Footer(Verification v, string? dossierCode) =>
        (dossierCode is null ? "" : $"Mã hồ sơ: {dossierCode}  ·  ") + $"Mã xác thực: {v.Code}  ·  {v.Url}";

    public static string Or(string? value) => string.IsNullOrWhiteSpace(value) ? "……………" : value;

    public static DocumentLayout Layout(DocumentHeader h, string title, Verification v, string? dossierCode, PageSettings? page = null)
    {
        var layout = new DocumentLayout
        {
            Page = page ?? PageSettings.A4Portrait,
            Footer = Footer(v, dossierCode),
            Title = title,
            Author = h.AgencyName,
            Subject = dossierCode is null ? title : $"{title} – {dossierCode}",
        };
        layout.Add(Header(h));
        return layout;
    }
}

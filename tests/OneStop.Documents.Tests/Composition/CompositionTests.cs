using OneStop.Documents.Composition;
using OneStop.Documents.Fonts;
using OneStop.Documents.Forms;
using OneStop.Documents.Tests.Support;

namespace OneStop.Documents.Tests.Composition;

public class CompositionTests
{
    [Fact]
    public void Missing_fonts_give_a_clear_exception()
    {
        var ex = Assert.Throws<FontsMissingException>(() => new LiberationFontResolver("/nonexistent/fonts"));
        Assert.Contains("LiberationSerif-Regular.ttf", ex.Message, StringComparison.Ordinal);
        Assert.Contains("fonts-liberation2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fonts_cannot_be_switched_to_another_directory_once_configured()
    {
        _ = Renderer.Instance;
        Assert.Throws<InvalidOperationException>(() => FontSetup.Configure("/somewhere/else"));
        FontSetup.Configure(LiberationFontResolver.DefaultDirectory);
    }

    [Fact]
    public void A_word_longer_than_the_line_is_split_and_all_text_is_kept()
    {
        _ = Renderer.Instance;
        var longWord = string.Concat(Enumerable.Repeat("Nghiêng", 40));
        var layout = new DocumentLayout { NumberPagesFromSecond = false };
        layout.Add(new Paragraph($"Trước {longWord} sau", new TextStyle(13), TextAlign.Justify));
        var text = PdfReadBack.Text(PdfComposer.Render(layout)).Replace(" ", "", StringComparison.Ordinal);
        Assert.Contains("Trước" + longWord + "sau", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Words_are_split_at_any_white_space_but_a_no_break_space_and_lines_at_any_line_end()
    {
        _ = Renderer.Instance;
        using var document = new PdfSharp.Pdf.PdfDocument();
        using var ctx = new RenderContext(document, PageSettings.A4Portrait, footer: null);
        TextRun run = new("  Điều\u00A05   khoản\u2003a,\tb\r\nc\rd\u0007e ", new TextStyle(13));

        var lines = LineBreaker.Break(ctx, [run], width: 10_000, firstIndent: 0, lineSpacing: 1);

        var words = lines.Select(l => l.Fragments.Select(f => (f.Text, f.SpaceAfter)).ToArray()).ToArray();
        Assert.Equal(
            [
                [("Điều\u00A05", true), ("khoản", true), ("a,", true), ("b", false)],
                [("c", false)],
                [("de", true)],
            ],
            words);
        Assert.All(lines.SelectMany(l => l.Fragments), f => Assert.Equal(ctx.Width(f.Text, f.Font), f.Width));
    }

    [Fact]
    public void A_table_row_taller_than_a_page_is_split_across_pages()
    {
        _ = Renderer.Instance;
        var table = new TableBlock([new TableColumn("Số", 1), new TableColumn("Nội dung", 5)]);
        var tall = string.Join("\n", Enumerable.Range(1, 120).Select(i => $"Dòng thứ {i}"));
        table.AddRow("1", tall);
        var layout = new DocumentLayout().Add(table);
        var pages = PdfReadBack.PageTexts(PdfComposer.Render(layout));
        Assert.True(pages.Count >= 2);
        Assert.All(pages, p => Assert.Contains("Nội dung", p, StringComparison.Ordinal));
        var all = string.Join(" ", pages);
        Assert.Contains("Dòng thứ 1 ", all, StringComparison.Ordinal);
        Assert.Contains("Dòng thứ 120", all, StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_whose_header_fills_the_page_still_terminates()
    {
        _ = Renderer.Instance;
        var header = string.Join("\n", Enumerable.Range(1, 70).Select(i => $"Tiêu đề {i}"));
        var table = new TableBlock([new TableColumn(header, 1)]);
        table.AddRow("Nội dung 1").AddRow("Nội dung 2");
        var pages = PdfReadBack.PageTexts(PdfComposer.Render(new DocumentLayout().Add(table)));
        Assert.Contains("Nội dung 2", string.Join(" ", pages), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2026, 12, 5, "ngày 05 tháng 12 năm 2026")]
    [InlineData(2027, 1, 8, "ngày 08 tháng 01 năm 2027")]
    [InlineData(2027, 2, 14, "ngày 14 tháng 02 năm 2027")]
    [InlineData(2027, 3, 9, "ngày 09 tháng 3 năm 2027")]
    public void Dates_follow_decree_30_zero_padding(int y, int m, int d, string expected) =>
        Assert.Equal(expected, VnFormat.Date(new DateOnly(y, m, d)));

    [Fact]
    public void Times_are_shown_in_vietnam_time_whatever_the_offset_given()
    {
        var utc = new DateTimeOffset(2026, 12, 5, 2, 15, 0, TimeSpan.Zero);
        Assert.Equal("09 giờ 15 phút, ngày 05 tháng 12 năm 2026", VnFormat.TimeAndDate(utc));
    }

    [Fact]
    public void Verification_codes_are_short_and_unambiguous()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => OneStop.Documents.Models.VerificationCodes.Create()).ToList();
        Assert.All(codes, c => Assert.Matches("^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$", c));
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }
}

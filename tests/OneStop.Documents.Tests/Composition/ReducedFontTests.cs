using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using OneStop.Documents.Composition;
using OneStop.Documents.Fonts;
using OneStop.Documents.Tests.Support;
using UglyToad.PdfPig.Fonts.TrueType;
using UglyToad.PdfPig.Fonts.TrueType.Parser;
using UglyToad.PdfPig.Fonts.TrueType.Tables;

namespace OneStop.Documents.Tests.Composition;

/// <summary>
/// Documents draw Vietnamese text with Liberation Serif reduced to the characters it is written in and without hinting (HarfBuzz's
/// subsetter), and any other text with the complete font: the same glyphs and metrics, so nothing moves and nothing is lost.
/// </summary>
public sealed partial class ReducedFontTests
{
    private static readonly LiberationFontResolver Resolver = new();

    public static TheoryData<bool, bool> Styles => new() { { false, false }, { true, false }, { false, true }, { true, true } };

    [Theory]
    [MemberData(nameof(Styles))]
    public void The_reduced_face_has_every_character_it_covers_with_the_complete_faces_metrics_and_no_hinting(bool bold, bool italic)
    {
        Assert.True(Resolver.Reduced, "HarfBuzz's subsetter (Debian: libharfbuzz-subset0) is not installed: documents use the complete fonts.");
        Assert.True(FontSetup.Reduced);
        var reducedBytes = Resolver.GetFont(Resolver.ResolveTypeface(LiberationFontResolver.FamilyName, bold, italic)!.FaceName)!;
        var completeBytes = Resolver.GetFont(Resolver.ResolveTypeface(LiberationFontResolver.CompleteFamilyName, bold, italic)!.FaceName)!;
        var reduced = TrueTypeFontParser.Parse(new TrueTypeDataBytes(reducedBytes));
        var complete = TrueTypeFontParser.Parse(new TrueTypeDataBytes(completeBytes));

        Assert.True(reducedBytes.Length < completeBytes.Length / 3, $"{reducedBytes.Length} of {completeBytes.Length} bytes");

        // Renamed: PDFsharp knows a font by its name process-wide and would take one face for the other.
        Assert.NotEqual(complete.Name, reduced.Name);
        Assert.StartsWith(complete.Name, reduced.Name, StringComparison.Ordinal);
        foreach (var hinting in new[] { "fpgm", "prep", "cvt " })
        {
            Assert.Contains(hinting, complete.TableHeaders.Keys);
            Assert.DoesNotContain(hinting, reduced.TableHeaders.Keys);
        }

        Assert.Equal(complete.GetUnitsPerEm(), reduced.GetUnitsPerEm());
        var (hhea, reducedHhea) = (complete.TableRegister.HorizontalHeaderTable, reduced.TableRegister.HorizontalHeaderTable);
        Assert.Equal((hhea.Ascent, hhea.Descent, hhea.LineGap), (reducedHhea.Ascent, reducedHhea.Descent, reducedHhea.LineGap));
        var os2 = Assert.IsAssignableFrom<Os2RevisedVersion0Table>(complete.TableRegister.Os2Table);
        var reducedOs2 = Assert.IsAssignableFrom<Os2RevisedVersion0Table>(reduced.TableRegister.Os2Table);
        Assert.Equal(
            (os2.TypographicAscender, os2.TypographicDescender, os2.TypographicLineGap, os2.WindowsAscent, os2.WindowsDescent),
            (reducedOs2.TypographicAscender, reducedOs2.TypographicDescender, reducedOs2.TypographicLineGap, reducedOs2.WindowsAscent,
                reducedOs2.WindowsDescent));

        var covered = 0;
        foreach (var (first, last) in LiberationFontResolver.ReducedRanges)
        {
            for (var c = first; c <= last; c++)
            {
                if (!complete.WindowsUnicodeCMap!.CharacterCodeToGlyphIndex(c).Equals(0))
                {
                    covered++;
                    Assert.True(reduced.WindowsUnicodeCMap!.CharacterCodeToGlyphIndex(c) != 0, $"U+{c:X4} is missing from the reduced face");
                    Assert.True(complete.TryGetAdvanceWidth(c, out var expected) && reduced.TryGetAdvanceWidth(c, out var actual) && expected == actual,
                        $"U+{c:X4} advances differently");
                }
            }
        }

        Assert.InRange(covered, 500, 700);
    }

    [Fact]
    public void Every_Vietnamese_letter_and_the_punctuation_of_the_forms_are_covered()
    {
        const string lower = "aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệfghiìỉĩíịjklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvwxyỳỷỹýỵz";
        var text = lower + lower.ToUpper(CultureInfo.GetCultureInfo("vi-VN")) + "0123456789 .,;:!?()[]/-–—…“”‘’«»•№₫%§°×";
        Assert.True(LiberationFontResolver.Covers(text.Normalize(NormalizationForm.FormC)));
        Assert.False(LiberationFontResolver.Covers("Иван"));
        Assert.False(LiberationFontResolver.Covers("Ω"));
        Assert.False(LiberationFontResolver.Covers("汉字"));
    }

    [Fact]
    public void Text_with_a_character_the_reduced_faces_lack_is_drawn_with_the_complete_face_and_reads_back_whole()
    {
        _ = Renderer.Instance;
        var layout = new DocumentLayout { NumberPagesFromSecond = false };
        layout.Add(new Paragraph("Người nộp hồ sơ: Nguyễn Văn An", new TextStyle(13)));
        layout.Add(new Paragraph("Người được ủy quyền: Иван Петров (Ω-7)", new TextStyle(13, Bold: true)));

        var pdf = PdfComposer.Render(layout);

        var text = PdfReadBack.Text(pdf);
        Assert.Contains("Người nộp hồ sơ: Nguyễn Văn An", text, StringComparison.Ordinal);
        Assert.Contains("Người được ủy quyền: Иван Петров (Ω-7)", text, StringComparison.Ordinal);
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        Assert.Equal(2, document.GetPage(1).Letters.Select(l => l.FontName).Distinct().Count());
        Assert.Equal(2, FontProgramLengths(pdf).Count);
    }

    [Fact]
    public void A_receipt_embeds_the_reduced_faces_only()
    {
        var receipt = Renderer.Instance.RenderReceipt(Samples.Receipt());

        // Each embedded program of the complete face carries its 2,602 glyphs' metrics and hinting: 38–45 KB for a receipt's few
        // hundred glyphs. The reduced face's carry 596.
        var lengths = FontProgramLengths(receipt.Content);
        Assert.NotEmpty(lengths);
        Assert.All(lengths, length => Assert.InRange(length, 1, 25_000));
    }

    // The uncompressed length of each embedded TrueType program (/Length1 of its stream).
    private static List<int> FontProgramLengths(byte[] pdf) =>
        [.. Length1().Matches(Encoding.Latin1.GetString(pdf)).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))];

    [GeneratedRegex(@"/Length1 (\d+)")]
    private static partial Regex Length1();
}

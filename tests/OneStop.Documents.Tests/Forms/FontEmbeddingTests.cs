using System.Text;
using OneStop.Documents.Tests.Support;
using UglyToad.PdfPig;

namespace OneStop.Documents.Tests.Forms;

public class FontEmbeddingTests
{
    public static TheoryData<string> Names => AllForms.Names();

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_glyph_uses_an_embedded_Liberation_Serif_subset(string name)
    {
        var doc = AllForms.Render(name);
        using var pdf = PdfDocument.Open(doc.Content);
        var fonts = pdf.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName).Distinct().ToList();
        Assert.NotEmpty(fonts);

        // A subset font's name carries a six-letter tag: "ABCDEF+LiberationSerif-Bold".
        Assert.All(fonts, f => Assert.Matches("^[A-Z]{6}\\+Liberation ?Serif", f));
        var raw = Encoding.Latin1.GetString(doc.Content);
        Assert.Contains("/FontFile2", raw, StringComparison.Ordinal);
        Assert.Contains("/ToUnicode", raw, StringComparison.Ordinal);
    }

    [Fact]
    public void Subsetting_keeps_a_one_page_form_small()
    {
        var doc = Renderer.Instance.RenderApology(Samples.Apology());
        Assert.InRange(doc.Content.Length, 5_000, 250_000);
    }
}

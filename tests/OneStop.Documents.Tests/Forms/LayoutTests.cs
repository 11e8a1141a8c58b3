using OneStop.Documents.Composition;
using OneStop.Documents.Tests.Support;
using UglyToad.PdfPig;

namespace OneStop.Documents.Tests.Forms;

/// <summary>Fails loudly when any glyph leaves the margins or page numbering breaks the Decree 30 rules.</summary>
public class LayoutTests
{
    public static TheoryData<string> Names => AllForms.Names();

    [Theory]
    [MemberData(nameof(Names))]
    public void No_text_lies_outside_the_margins(string name)
    {
        var problems = Margins.Violations(AllForms.Render(name).Content);
        Assert.True(problems.Count == 0, $"{name}: text outside the margins:\n" + string.Join("\n", problems.Take(20)));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Pages_are_numbered_from_the_second_at_the_top_centre(string name)
    {
        var doc = AllForms.Render(name);
        using var pdf = PdfDocument.Open(doc.Content);
        Assert.Equal(doc.PageCount, pdf.NumberOfPages);
        foreach (var page in pdf.GetPages())
        {
            var settings = page.Width > page.Height ? PageSettings.A4Landscape : PageSettings.A4Portrait;
            var marginLetters = page.Letters.Where(l => l.BoundingBox.Bottom > page.Height - settings.Top).ToList();
            var text = string.Concat(marginLetters.Select(l => l.Value));
            if (page.Number == 1)
            {
                Assert.Equal("", text);
                continue;
            }

            Assert.Equal(page.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), text);
            var centre = (marginLetters.Min(l => l.BoundingBox.Left) + marginLetters.Max(l => l.BoundingBox.Right)) / 2;
            Assert.InRange(centre, settings.Left + (settings.ContentWidth / 2) - 3, settings.Left + (settings.ContentWidth / 2) + 3);
        }
    }
}

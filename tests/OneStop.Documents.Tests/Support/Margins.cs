using OneStop.Documents.Composition;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace OneStop.Documents.Tests.Support;

/// <summary>Finds glyphs that lie outside the Decree 30 margins (page numbers in the top margin excepted).</summary>
public static class Margins
{
    private const double Tolerance = 0.75;

    public static List<string> Violations(byte[] content)
    {
        using var pdf = PdfDocument.Open(content);
        var problems = new List<string>();
        foreach (var page in pdf.GetPages())
        {
            var settings = page.Width > page.Height ? PageSettings.A4Landscape : PageSettings.A4Portrait;
            var left = settings.Left - Tolerance;
            var right = settings.Right + Tolerance;
            var top = page.Height - settings.Top + Tolerance;
            var bottom = page.Height - settings.Bottom - Tolerance;
            foreach (var l in page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)))
            {
                var r = l.BoundingBox;
                if (r.Bottom > top - Tolerance && IsPageNumber(page, l))
                {
                    continue;
                }

                if (r.Left < left || r.Right > right || r.Top > top || r.Bottom < bottom)
                {
                    problems.Add($"page {page.Number}: '{l.Value}' at ({r.Left:F1},{r.Bottom:F1})-({r.Right:F1},{r.Top:F1})");
                }
            }
        }

        return problems;
    }

    private static bool IsPageNumber(Page page, Letter l) =>
        page.Number > 1 && char.IsAsciiDigit(l.Value[0]) && l.BoundingBox.Bottom > page.Height / 2;
}

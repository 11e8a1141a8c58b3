using System.Text;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace OneStop.Documents.Tests.Support;

/// <summary>Reads a PDF back with PdfPig the way a search indexer would.</summary>
public static partial class PdfReadBack
{
    public static string Text(byte[] pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        return Collapse(string.Join(" ", doc.GetPages().Select(PageText)));
    }

    public static List<string> PageTexts(byte[] pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        return doc.GetPages().Select(p => Collapse(PageText(p))).ToList();
    }

    public static string PageText(Page page)
    {
        var sb = new StringBuilder();
        Letter? prev = null;
        foreach (var l in page.Letters)
        {
            if (prev is not null)
            {
                var newLine = Math.Abs(l.StartBaseLine.Y - prev.StartBaseLine.Y) > 1;
                var gap = l.StartBaseLine.X - prev.EndBaseLine.X;
                if (newLine || gap > l.PointSize * 0.15)
                {
                    sb.Append(' ');
                }
            }

            sb.Append(l.Value);
            prev = l;
        }

        return sb.ToString();
    }

    /// <summary>Collapses runs of whitespace and normalises to NFC, as the expected values are compared.</summary>
    public static string Collapse(string s) => Spaces().Replace(s.Normalize(NormalizationForm.FormC), " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

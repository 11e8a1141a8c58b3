using System.Text;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;

namespace OneStop.Testing;

/// <summary>Reads a PDF's text back the way a search indexer would: letters in order, a space at each visible gap or new line.</summary>
public static partial class PdfText
{
    public static string Of(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var text = new StringBuilder();
        foreach (var page in document.GetPages())
        {
            UglyToad.PdfPig.Content.Letter? previous = null;
            foreach (var letter in page.Letters)
            {
                if (previous is not null && (Math.Abs(letter.StartBaseLine.Y - previous.StartBaseLine.Y) > 1
                    || letter.StartBaseLine.X - previous.EndBaseLine.X > letter.PointSize * 0.15))
                {
                    text.Append(' ');
                }

                text.Append(letter.Value);
                previous = letter;
            }

            text.Append(' ');
        }

        return Spaces().Replace(text.ToString().Normalize(NormalizationForm.FormC), " ").Trim();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

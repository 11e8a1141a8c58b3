using System.Text;

namespace OneStop.Core.Common;

/// <summary>Text normalisation applied before anything is stored or drawn.</summary>
public static class Text
{
    /// <summary>Trims and normalises to Unicode NFC (Vietnamese typed on some keyboards arrives decomposed).</summary>
    public static string Clean(string? value) =>
        string.IsNullOrWhiteSpace(value) ? string.Empty : value.Trim().Normalize(NormalizationForm.FormC);

    public static string? CleanOrNull(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : Clean(value);
}

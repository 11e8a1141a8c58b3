using System.Text;

namespace OneStop.Core.Common;

/// <summary>Text normalisation applied before anything is stored or drawn.</summary>
public static class Text
{
    /// <summary>Trims, drops control characters (NUL cannot be stored in PostgreSQL) and normalises to Unicode NFC.</summary>
    public static string Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return string.Empty;
        }

        var text = value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
            ? new string(value.Where(c => !char.IsControl(c) || c is '\n' or '\r' or '\t').ToArray())
            : value;
        return text.Trim().Normalize(NormalizationForm.FormC);
    }

    public static string? CleanOrNull(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : Clean(value);
}

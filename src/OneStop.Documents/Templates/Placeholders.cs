using System.Text.RegularExpressions;

namespace OneStop.Documents.Templates;

/// <summary>Finds, checks and fills {{field}} placeholders in template texts.</summary>
public static partial class Placeholders
{
    /// <summary>Lists every problem of the template against the available field names (empty when valid).</summary>
    public static IReadOnlyList<string> Validate(ResultTemplate template, IEnumerable<string> availableFields)
    {
        ArgumentNullException.ThrowIfNull(template);
        var known = new HashSet<string>(availableFields, StringComparer.Ordinal);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(template.Title))
        {
            errors.Add("Thiếu tiêu đề / title is required");
        }

        if (string.IsNullOrWhiteSpace(template.SignerTitle))
        {
            errors.Add("Thiếu chức danh người ký / signerTitle is required");
        }

        foreach (var (where, text) in template.Texts())
        {
            foreach (Match m in Token().Matches(text ?? ""))
            {
                var name = m.Groups[1].Value;
                if (!NamePattern().IsMatch(name))
                {
                    errors.Add($"{where}: tên trường không hợp lệ / invalid placeholder '{m.Value}'");
                }
                else if (!known.Contains(name))
                {
                    errors.Add($"{where}: trường không tồn tại / unknown placeholder '{{{{{name}}}}}'");
                }
            }

            var stripped = Token().Replace(text ?? "", "");
            if (stripped.Contains("{{", StringComparison.Ordinal) || stripped.Contains("}}", StringComparison.Ordinal))
            {
                errors.Add($"{where}: dấu ngoặc không khớp / unbalanced braces in '{text}'");
            }
        }

        return errors;
    }

    /// <summary>Replaces each placeholder with its value; call <see cref="Validate"/> first.</summary>
    public static string Fill(string text, IReadOnlyDictionary<string, string> values) =>
        Token().Replace(text, m => values.TryGetValue(m.Groups[1].Value.Trim(), out var v) ? v : m.Value);

    [GeneratedRegex(@"\{\{\s*([^{}]*?)\s*\}\}")]
    private static partial Regex Token();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_.]*$")]
    private static partial Regex NamePattern();
}

using System.Globalization;
using System.Text;

namespace OneStop.Legacy.Tests.Generator;

/// <summary>Encodings of generated CSV files; Windows-1258 text is rewritten the way the legacy code page stores it.</summary>
public static class LegacyText
{
    private const string ToneMarks = "\u0300\u0301\u0303\u0309\u0323";
    private static readonly Lazy<Encoding> Cp1258 = new(CreateWindows1258);
    private static readonly Lazy<HashSet<char>> Cp1258Chars = new(() => [.. Cp1258.Value.GetString([.. Enumerable.Range(0, 256).Select(b => (byte)b)])]);

    public static Encoding Encoding(BundleEncoding encoding) => encoding switch
    {
        BundleEncoding.Utf8 => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        BundleEncoding.Utf8WithBom => new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
        _ => Cp1258.Value,
    };

    /// <summary>Keeps characters Windows-1258 has; others become base letter (with its circumflex, breve or horn) plus a combining tone mark.</summary>
    public static string ToWindows1258Form(string text)
    {
        var set = Cp1258Chars.Value;
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (set.Contains(c))
            {
                builder?.Append(c);
                continue;
            }

            builder ??= new StringBuilder(text.Length + 8).Append(text, 0, i);
            var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            var shape = new StringBuilder();
            var tones = new StringBuilder();
            foreach (var part in decomposed)
            {
                (ToneMarks.Contains(part, StringComparison.Ordinal) ? tones : shape).Append(part);
            }

            builder.Append(shape.ToString().Normalize(NormalizationForm.FormC)).Append(tones);
        }

        return builder?.ToString() ?? text;
    }

    internal static string Format(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);

    private static Encoding CreateWindows1258()
    {
        System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return System.Text.Encoding.GetEncoding(1258, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }
}

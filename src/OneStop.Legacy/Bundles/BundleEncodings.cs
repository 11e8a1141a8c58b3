using System.Text;

namespace OneStop.Legacy.Bundles;

/// <summary>The two encodings a bundle may declare; Windows-1258 comes from the code pages provider, registered once.</summary>
internal static class BundleEncodings
{
    /// <summary>Windows-1258 with exceptions on unmappable input, for writers that must not lose text.</summary>
    public static Encoding Windows1258 { get; } = CreateWindows1258();

    /// <summary>Returns null for UTF-8 (the CSV reader's own default, BOM or not) or the Windows-1258 encoding.</summary>
    public static Encoding? Resolve(string name) => name.Trim().ToUpperInvariant() switch
    {
        "UTF-8" or "UTF8" => null,
        "WINDOWS-1258" or "CP1258" or "WINDOWS1258" => Windows1258,
        _ => throw BundleException.Of(
            $"Bảng mã không được hỗ trợ: '{name}' (chỉ hỗ trợ utf-8 hoặc windows-1258)",
            $"Unsupported encoding '{name}' (utf-8 or windows-1258 expected)"),
    };

    private static Encoding CreateWindows1258()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1258, EncoderFallback.ExceptionFallback, DecoderFallback.ReplacementFallback);
    }
}

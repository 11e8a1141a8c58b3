using System.Text;
using System.Text.RegularExpressions;
using OneStop.Core.Common;

namespace OneStop.Infrastructure.Files;

/// <summary>Decides what an upload really is from its first bytes, and makes its name safe to show and store.</summary>
public static partial class UploadInspector
{
    /// <summary>application/pdf, image/jpeg or image/png from the content, whatever the name says; null for anything else.</summary>
    public static string? DetectType(ReadOnlySpan<byte> content) => content switch
    {
        [0x25, 0x50, 0x44, 0x46, 0x2D, ..] => "application/pdf",
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
        _ => null,
    };

    /// <summary>Keeps the last path segment, drops control and reserved characters, and bounds the length.</summary>
    public static string SanitizeFileName(string? name, string contentType)
    {
        var last = Text.Clean(name).Replace('\\', '/').Split('/').LastOrDefault() ?? string.Empty;
        var cleaned = Unsafe().Replace(last, "_").Trim(' ', '.', '_');
        if (cleaned.Length > 120)
        {
            cleaned = cleaned[..120];
        }

        var extension = contentType switch { "application/pdf" => ".pdf", "image/png" => ".png", _ => ".jpg" };
        var stem = Path.GetFileNameWithoutExtension(cleaned).Trim(' ', '.', '_');
        return (string.IsNullOrWhiteSpace(stem) ? "tep-dinh-kem" : stem) + extension;
    }

    [GeneratedRegex(@"[\x00-\x1F\x7F<>:""/\\|?*]+")]
    private static partial Regex Unsafe();

    internal static string Describe(long bytes) => bytes >= 1024 * 1024
        ? (bytes / 1024d / 1024d).ToString("0.#", VietnameseFormats.Culture) + " MB"
        : (bytes / 1024d).ToString("0", VietnameseFormats.Culture) + " KB";

    internal static readonly Encoding Utf8 = new UTF8Encoding(false);
}

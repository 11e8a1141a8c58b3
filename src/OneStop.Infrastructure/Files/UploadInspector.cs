using System.Buffers;
using System.Text.RegularExpressions;
using OneStop.Core.Common;

namespace OneStop.Infrastructure.Files;

/// <summary>
/// Checks every upload the same way, with one set of Vietnamese messages: read as a stream into a temporary file and refused as
/// soon as it passes the size limit (never read whole, never held in memory), then typed from its first bytes, and its name made
/// safe to show and store. A small upload the request already holds (a seekable stream of at most <see cref="InMemoryBytes"/>:
/// the form buffers that much in memory) is checked where it is and copied once into a pooled buffer, not written to a file and
/// read back.
/// </summary>
public static partial class UploadInspector
{
    /// <summary>The largest upload kept in memory (the request's form buffers as much: WebShellExtensions).</summary>
    public const int InMemoryBytes = 1024 * 1024;

    private const int Header = 8;

    /// <summary>Reads at most <paramref name="maxBytes"/> + 1 bytes of the upload; throws a <see cref="DomainException"/> naming what is wrong.</summary>
    public static async Task<InspectedUpload> InspectAsync(Upload upload, long maxBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        if (upload.Content.CanSeek && upload.Content.Length - upload.Content.Position is var length && length <= InMemoryBytes)
        {
            return await InMemoryAsync(upload, (int)length, maxBytes, cancellationToken);
        }

        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "onestop-upload-" + Guid.NewGuid().ToString("N"));
        var head = new byte[Header];
        var headLength = 0;
        long size = 0;
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await upload.Content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    size += read;
                    if (size > maxBytes)
                    {
                        throw TooLarge(maxBytes);
                    }

                    var take = Math.Min(Header - headLength, read);
                    if (take > 0)
                    {
                        Array.Copy(buffer, 0, head, headLength, take);
                        headLength += take;
                    }

                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }

            if (size == 0)
            {
                throw Empty();
            }

            var type = DetectType(head.AsSpan(0, headLength))
                ?? throw WrongType();
            return new InspectedUpload(path, size, type, SanitizeFileName(upload.FileName, type));
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    private static async Task<InspectedUpload> InMemoryAsync(Upload upload, int length, long maxBytes, CancellationToken cancellationToken)
    {
        if (length > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        if (length == 0)
        {
            throw Empty();
        }

        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            await upload.Content.ReadExactlyAsync(buffer.AsMemory(0, length), cancellationToken);
            var type = DetectType(buffer.AsSpan(0, Math.Min(Header, length)))
                ?? throw WrongType();
            return new InspectedUpload(buffer, length, type, SanitizeFileName(upload.FileName, type));
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    private static DomainException Empty() => new("attachment.empty", "Tệp đính kèm rỗng.");

    private static DomainException WrongType() =>
        new("attachment.type", "Chỉ nhận tệp PDF, JPEG hoặc PNG (kiểm tra theo nội dung tệp, không theo tên).");

    public static DomainException TooLarge(long maxBytes) =>
        new("attachment.too_large", $"Tệp vượt quá dung lượng cho phép ({Describe(maxBytes)}).");

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

    public static string Describe(long bytes) => bytes >= 1024 * 1024
        ? (bytes / 1024d / 1024d).ToString("0.#", VietnameseFormats.Culture) + " MB"
        : (bytes / 1024d).ToString("0", VietnameseFormats.Culture) + " KB";
}

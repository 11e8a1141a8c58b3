using System.Globalization;
using System.Text.Json;

namespace OneStop.Legacy.Bundles;

/// <summary>Parses and checks manifest.json; every problem is a <see cref="BundleException"/>.</summary>
internal static class ManifestReader
{
    public const string FileName = "manifest.json";
    public const string ExpectedFormat = "mclt-export";

    public static BundleManifest Read(Stream stream)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw BundleException.Of("manifest.json không phải JSON hợp lệ", "manifest.json is not valid JSON", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw BundleException.Of("manifest.json phải là một đối tượng JSON", "manifest.json must be a JSON object");
            }

            var format = String(root, "format");
            if (!string.Equals(format, ExpectedFormat, StringComparison.Ordinal))
            {
                throw BundleException.Of(
                    $"Định dạng gói dữ liệu không được hỗ trợ: '{format}' (cần '{ExpectedFormat}')",
                    $"Unsupported bundle format '{format}' (expected '{ExpectedFormat}')");
            }

            var version = root.TryGetProperty("formatVersion", out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : -1;
            if (version != 1)
            {
                throw BundleException.Of(
                    $"Phiên bản định dạng không được hỗ trợ: {Raw(root, "formatVersion")} (chỉ hỗ trợ 1)",
                    $"Unsupported formatVersion {Raw(root, "formatVersion")} (only 1 is supported)");
            }

            var encoding = String(root, "encoding") ?? "utf-8";
            BundleEncodings.Resolve(encoding);
            return new BundleManifest(
                ExpectedFormat,
                version,
                SourceSystem(String(root, "sourceSystem")),
                ExportedAt(root),
                encoding,
                Delimiter(String(root, "delimiter")),
                Files(root),
                RowCounts(root));
        }
    }

    /// <summary>
    /// The exporting system's name, as the import keeps it (every id it derives starts with it, so it is taken as written): at most
    /// <see cref="BundleManifest.MaxSourceSystemLength"/> characters and no control character (PostgreSQL text cannot hold NUL).
    /// </summary>
    private static string SourceSystem(string? value)
    {
        const int max = BundleManifest.MaxSourceSystemLength;
        if (value is { Length: > max })
        {
            throw BundleException.Of(
                $"Tên hệ thống nguồn (sourceSystem) dài {value.Length} ký tự, tối đa {max}",
                $"sourceSystem is {value.Length} characters long, at most {max} are allowed");
        }

        if (value is not null && value.Any(char.IsControl))
        {
            throw BundleException.Of("Tên hệ thống nguồn (sourceSystem) chứa ký tự điều khiển", "sourceSystem contains a control character");
        }

        return value ?? string.Empty;
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Raw(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) ? value.GetRawText() : "(không có / missing)";

    private static DateTimeOffset? ExportedAt(JsonElement root) =>
        DateTimeOffset.TryParse(String(root, "exportedAt"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null;

    private static char Delimiter(string? value)
    {
        if (value is null)
        {
            return ',';
        }

        if (value.Length != 1 || value[0] > 127 || value[0] is '"' or '\r' or '\n')
        {
            throw BundleException.Of($"Ký tự phân cách không hợp lệ: '{value}'", $"Invalid delimiter '{value}' (one ASCII character expected)");
        }

        return value[0];
    }

    private static Dictionary<string, string> Files(JsonElement root)
    {
        if (!root.TryGetProperty("files", out var files) || files.ValueKind != JsonValueKind.Object)
        {
            throw BundleException.Of("manifest.json thiếu mục 'files'", "manifest.json has no 'files' object");
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in files.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(property.Value.GetString()))
            {
                result[property.Name] = property.Value.GetString()!.Trim();
            }
        }

        foreach (var table in LegacyTables.All)
        {
            if (!result.ContainsKey(table))
            {
                throw BundleException.Of($"manifest.json không khai báo tệp cho bảng '{table}'", $"manifest.json lists no file for table '{table}'");
            }
        }

        return result;
    }

    private static Dictionary<string, long> RowCounts(JsonElement root)
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        if (root.TryGetProperty("rowCounts", out var counts) && counts.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in counts.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetInt64(out var count))
                {
                    result[property.Name] = count;
                }
            }
        }

        return result;
    }
}

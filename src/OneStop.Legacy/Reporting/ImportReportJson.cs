using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace OneStop.Legacy.Reporting;

/// <summary>Writes report.json in the shape FORMAT.md gives: camelCase, enums in snake_case, Vietnamese unescaped.</summary>
public static class ImportReportJson
{
    /// <summary>The serializer options of report.json.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static string Serialize(ImportReport report) => JsonSerializer.Serialize(report, Options);

    /// <summary>Reads a report.json written earlier, e.g. to show past runs.</summary>
    public static async Task<ImportReport> ReadAsync(Stream stream, CancellationToken cancellationToken = default) =>
        await JsonSerializer.DeserializeAsync<ImportReport>(stream, Options, cancellationToken)
        ?? throw new JsonException("report.json is empty.");

    public static Task WriteAsync(ImportReport report, Stream stream, CancellationToken cancellationToken = default) =>
        JsonSerializer.SerializeAsync(stream, report, Options, cancellationToken);
}

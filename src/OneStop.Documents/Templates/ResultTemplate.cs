using System.Text.Json;
using System.Text.Json.Serialization;

namespace OneStop.Documents.Templates;

/// <summary>An administrator-editable template for a procedure's result document; texts use {{field}} placeholders.</summary>
public sealed record ResultTemplate
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The document's title, e.g. "GIẤY PHÉP XÂY DỰNG".</summary>
    public required string Title { get; init; }

    /// <summary>A line under the title, e.g. "Về việc …"; optional.</summary>
    public string? Subtitle { get; init; }

    /// <summary>Legal grounds printed in italics before the body ("Căn cứ …").</summary>
    public IReadOnlyList<string> Grounds { get; init; } = [];

    public IReadOnlyList<string> Paragraphs { get; init; } = [];

    public IReadOnlyList<ResultTemplateField> Fields { get; init; } = [];

    /// <summary>Paragraphs after the field table.</summary>
    public IReadOnlyList<string> Closing { get; init; } = [];

    /// <summary>The signer's authority and title; line breaks allowed (e.g. "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC").</summary>
    public required string SignerTitle { get; init; }

    /// <summary>"Nơi nhận" lines printed left of the signature; optional.</summary>
    public IReadOnlyList<string> Recipients { get; init; } = [];

    /// <summary>Reads a template from JSON (camelCase, comments allowed).</summary>
    public static ResultTemplate FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<ResultTemplate>(json, Json)
                ?? throw new TemplateValidationException(["Mẫu trống / the template is empty."]);
        }
        catch (JsonException ex)
        {
            throw new TemplateValidationException([$"JSON không hợp lệ / invalid JSON: {ex.Message}"]);
        }
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    // Every text of the template that may hold placeholders, with a name for error messages.
    internal IEnumerable<(string Where, string Text)> Texts()
    {
        yield return ("title", Title);
        if (Subtitle is not null)
        {
            yield return ("subtitle", Subtitle);
        }

        foreach (var (text, i) in Grounds.Select((t, i) => (t, i)))
        {
            yield return ($"grounds[{i}]", text);
        }

        foreach (var (text, i) in Paragraphs.Select((t, i) => (t, i)))
        {
            yield return ($"paragraphs[{i}]", text);
        }

        foreach (var (field, i) in Fields.Select((f, i) => (f, i)))
        {
            yield return ($"fields[{i}].label", field.Label);
            yield return ($"fields[{i}].value", field.Value);
        }

        foreach (var (text, i) in Closing.Select((t, i) => (t, i)))
        {
            yield return ($"closing[{i}]", text);
        }

        yield return ("signerTitle", SignerTitle);
        foreach (var (text, i) in Recipients.Select((t, i) => (t, i)))
        {
            yield return ($"recipients[{i}]", text);
        }
    }
}

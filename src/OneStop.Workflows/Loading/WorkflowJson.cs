using System.Text.Json;
using System.Text.Json.Serialization;

namespace OneStop.Workflows.Loading;

/// <summary>The JSON settings used for workflow definition files.</summary>
public static class WorkflowJson
{
    /// <summary>Options for reading and writing definitions: camelCase, enums as camelCase strings, unknown members rejected.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

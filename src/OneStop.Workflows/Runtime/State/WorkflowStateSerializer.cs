using System.Text.Json;
using System.Text.Json.Serialization;

namespace OneStop.Workflows.Runtime.State;

/// <summary>Round-trips an instance to JSON, e.g. for a jsonb column or a deep copy.</summary>
public static class WorkflowStateSerializer
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>Serialises the full state.</summary>
    public static string Serialize(WorkflowInstance instance) => JsonSerializer.Serialize(instance, Options);

    /// <summary>Restores a state serialised by <see cref="Serialize"/>.</summary>
    public static WorkflowInstance Deserialize(string json) =>
        JsonSerializer.Deserialize<WorkflowInstance>(json, Options) ?? throw new JsonException("Workflow state is null.");

    /// <summary>A deep copy.</summary>
    public static WorkflowInstance Clone(WorkflowInstance instance) => Deserialize(Serialize(instance));
}

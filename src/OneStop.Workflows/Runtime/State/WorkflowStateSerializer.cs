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

    /// <summary>The JSON property names the serializer writes for a state type, in order (what another writer of the state must produce).</summary>
    public static IReadOnlyList<string> PropertyNames(Type type) =>
        [.. Options.GetTypeInfo(type).Properties.Where(p => p.Get is not null).Select(p => p.Name)];

    /// <summary>How the serializer writes an enum value, e.g. InstanceStatus.WaitingForApplicant → "waitingForApplicant".</summary>
    public static string EnumText<T>(T value)
        where T : struct, Enum => JsonSerializer.Serialize(value, Options).Trim('"');

    /// <summary>A deep copy.</summary>
    public static WorkflowInstance Clone(WorkflowInstance instance) => Deserialize(Serialize(instance));
}

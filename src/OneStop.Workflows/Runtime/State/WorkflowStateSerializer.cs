using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace OneStop.Workflows.Runtime.State;

/// <summary>
/// Round-trips an instance to JSON, e.g. for a jsonb column or a deep copy. What is absent is left out — a null value, a journal
/// entry's empty list of files or documents — and read back as absent, so the state a store rewrites on every transition (most of it
/// the journal) is a third smaller; states written with those values spelt out read the same.
/// </summary>
public static class WorkflowStateSerializer
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OmitEmptyLists } },
    };

    /// <summary>Serialises the full state.</summary>
    public static string Serialize(WorkflowInstance instance) => JsonSerializer.Serialize(instance, Options);

    /// <summary>Restores a state serialised by <see cref="Serialize"/>.</summary>
    public static WorkflowInstance Deserialize(string json) =>
        JsonSerializer.Deserialize<WorkflowInstance>(json, Options) ?? throw new JsonException("Workflow state is null.");

    /// <summary>Restores a state serialised by <see cref="Serialize"/>, given as UTF-8.</summary>
    public static WorkflowInstance Deserialize(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize<WorkflowInstance>(utf8Json, Options) ?? throw new JsonException("Workflow state is null.");

    /// <summary>The JSON property names the serializer writes for a state type, in order (what another writer of the state must produce).</summary>
    public static IReadOnlyList<string> PropertyNames(Type type) =>
        [.. Options.GetTypeInfo(type).Properties.Where(p => p.Get is not null).Select(p => p.Name)];

    /// <summary>How the serializer writes an enum value, e.g. InstanceStatus.WaitingForApplicant → "waitingForApplicant".</summary>
    public static string EnumText<T>(T value)
        where T : struct, Enum => JsonSerializer.Serialize(value, Options).Trim('"');

    /// <summary>A journal entry's lists are written only when they hold something (read back, an absent list is empty).</summary>
    private static void OmitEmptyLists(JsonTypeInfo info)
    {
        if (info.Type != typeof(JournalEntry))
        {
            return;
        }

        foreach (var property in info.Properties.Where(p => p.PropertyType == typeof(IReadOnlyList<string>)))
        {
            property.ShouldSerialize = (_, value) => value is IReadOnlyList<string> { Count: > 0 };
        }
    }

    /// <summary>A deep copy.</summary>
    public static WorkflowInstance Clone(WorkflowInstance instance) => Deserialize(Serialize(instance));
}

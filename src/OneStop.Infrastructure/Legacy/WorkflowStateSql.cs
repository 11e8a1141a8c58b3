using OneStop.Workflows.Runtime.State;

namespace OneStop.Infrastructure.Legacy;

/// <summary>
/// Builds the importer's jsonb_build_object for engine state from the engine's own serializer: the keys are the serializer's property
/// names, and every one must be given a value (and no other), so a renamed or added property fails here, at start, instead of
/// writing state the engine reads differently. Enum texts come from the serializer too.
/// </summary>
internal static class WorkflowStateSql
{
    /// <summary>
    /// The object; with <paramref name="stripNulls"/> (for a whole state) every null value is left out, at any depth, as the serializer
    /// leaves it out — a journal entry's empty lists are given as NULL for the same reason.
    /// </summary>
    public static string Object<T>(IReadOnlyDictionary<string, string> valueByProperty, bool stripNulls = false)
    {
        var names = WorkflowStateSerializer.PropertyNames(typeof(T));
        var missing = names.Where(n => !valueByProperty.ContainsKey(n)).ToList();
        var unknown = valueByProperty.Keys.Where(k => !names.Contains(k)).ToList();
        if (missing.Count > 0 || unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"The importer's {typeof(T).Name} JSON is out of step with the engine's serializer: missing [{string.Join(", ", missing)}], unknown [{string.Join(", ", unknown)}].");
        }

        var built = "jsonb_build_object(" + string.Join(", ", names.Select(n => $"'{n}', {valueByProperty[n]}")) + ")";
        return stripNulls ? $"jsonb_strip_nulls({built})" : built;
    }

    public static string Text<T>(T value)
        where T : struct, Enum => "'" + WorkflowStateSerializer.EnumText(value) + "'";
}

using System.Globalization;
using System.Text.Json;
using NCalc;
using OneStop.Workflows.Definitions;

namespace OneStop.Workflows.Runtime.Engine;

/// <summary>Evaluates action conditions over form data typed by the definition's inputs; a failing evaluation counts as false.</summary>
internal static class ConditionEvaluator
{
    public static bool IsTrue(string? condition, WorkflowDefinition definition, IReadOnlyDictionary<string, object?> formData,
        IReadOnlyDictionary<string, JsonElement> fields)
    {
        if (string.IsNullOrWhiteSpace(condition))
            return true;
        var expression = new Expression(condition, CultureInfo.InvariantCulture)
        {
            Options = ExpressionOptions.AllowNullParameter | ExpressionOptions.OrdinalStringComparer,
        };
        foreach (var (name, type) in definition.Inputs)
            expression.Parameters[name] = formData.TryGetValue(name, out var raw) ? SafeConvert(raw, type) : null;
        foreach (var (name, value) in fields)
            expression.Parameters[name] = SafeConvert(value, InferType(value));
        try
        {
            return expression.Evaluate() is true;
        }
#pragma warning disable CA1031 // A condition that cannot be evaluated on this data simply does not hold.
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }

    /// <summary>A value that does not fit its declared type (e.g. "nhiều" for a number) counts as missing.</summary>
    private static object? SafeConvert(object? raw, InputType type)
    {
        try
        {
            return Convert(raw, type);
        }
        catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException)
        {
            return null;
        }
    }

    private static InputType InferType(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => InputType.Number,
        JsonValueKind.True or JsonValueKind.False => InputType.Bool,
        _ => InputType.String,
    };

    private static object? Convert(object? raw, InputType type)
    {
        if (raw is JsonElement json)
        {
            raw = json.ValueKind switch
            {
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                JsonValueKind.Number => json.GetDecimal(),
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => json.ToString(),
            };
        }

        if (raw is null)
            return null;
        var invariant = CultureInfo.InvariantCulture;
        return type switch
        {
            InputType.Number => raw is string s ? decimal.Parse(s, NumberStyles.Number, invariant) : System.Convert.ToDecimal(raw, invariant),
            InputType.Bool => raw is string s ? bool.Parse(s) : System.Convert.ToBoolean(raw, invariant),
            InputType.Date => raw switch
            {
                DateOnly d => d.ToDateTime(TimeOnly.MinValue),
                DateTimeOffset o => o.DateTime,
                string s => DateTime.Parse(s, invariant, DateTimeStyles.RoundtripKind),
                _ => System.Convert.ToDateTime(raw, invariant),
            },
            _ => System.Convert.ToString(raw, invariant),
        };
    }
}

using System.Globalization;

namespace OneStop.Workflows.Definitions;

/// <summary>A duration written as "5d" (working days) or "4h" (working hours).</summary>
public readonly record struct WorkflowDuration(int Amount, DurationUnit Unit)
{
    /// <summary>Parses "Nd" or "Nh" with N a positive integer up to 999.</summary>
    public static bool TryParse(string? text, out WorkflowDuration duration)
    {
        duration = default;
        if (string.IsNullOrEmpty(text) || text.Length < 2 || text.Length > 4)
            return false;
        var unit = text[^1] switch
        {
            'd' => DurationUnit.WorkingDays,
            'h' => DurationUnit.WorkingHours,
            _ => (DurationUnit?)null,
        };
        var digits = text[..^1];
        if (unit is null || digits[0] == '0' || !digits.All(char.IsAsciiDigit))
            return false;
        duration = new WorkflowDuration(int.Parse(digits, CultureInfo.InvariantCulture), unit.Value);
        return true;
    }

    /// <summary>Parses or throws <see cref="FormatException"/>.</summary>
    public static WorkflowDuration Parse(string text) =>
        TryParse(text, out var d) ? d : throw new FormatException($"Bad duration '{text}'; expected e.g. '5d' or '4h'.");

    public override string ToString() =>
        Amount.ToString(CultureInfo.InvariantCulture) + (Unit == DurationUnit.WorkingDays ? "d" : "h");
}

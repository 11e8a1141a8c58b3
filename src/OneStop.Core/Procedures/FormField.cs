namespace OneStop.Core.Procedures;

/// <summary>One field of a procedure's form schema; a group repeats its own fields.</summary>
public sealed record FormField(string Name, string Label, FormFieldType Type, bool Required = false)
{
    public IReadOnlyList<string> Options { get; init; } = [];
    public decimal? Min { get; init; }
    public decimal? Max { get; init; }
    public IReadOnlyList<FormField> Fields { get; init; } = [];
}

using System.Text.Json.Nodes;
using OneStop.Core.Procedures;

namespace OneStop.Web.Pages.Shared;

/// <summary>What the shared form partial needs: the schema, what was typed, and the messages per field.</summary>
public sealed record FormFieldsView(IReadOnlyList<FormField> Fields, JsonObject Data, IReadOnlyDictionary<string, string[]> Errors)
{
    /// <summary>The communes an address field offers (empty: the address is one free text box).</summary>
    public IReadOnlyList<string> Communes { get; init; } = [];

    /// <summary>The province an address field offers.</summary>
    public string? Province { get; init; }

    public string? Value(string field) => Data[field]?.ToString();

    /// <summary>The rows of a repeating group as typed (at least one, empty, so there is something to fill).</summary>
    public IReadOnlyList<JsonObject> Rows(string group) =>
        Data[group] is JsonArray rows && rows.Count > 0 ? rows.Select(r => r as JsonObject ?? []).ToList() : [[]];

    public string? Error(string key) => Errors.TryGetValue(key, out var messages) ? messages[0] : null;

    public FormAddress Address(string? value) => FormAddress.Parse(value, Communes, Province);
}

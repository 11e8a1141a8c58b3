using System.Text.Json.Nodes;
using OneStop.Core.Procedures;

namespace OneStop.Web.Pages.Shared;

/// <summary>What the shared form partial needs: the schema, what was typed, and the messages per field.</summary>
public sealed record FormFieldsView(IReadOnlyList<FormField> Fields, JsonObject Data, IReadOnlyDictionary<string, string[]> Errors)
{
    public string? Value(string field) => Data[field]?.ToString();
}

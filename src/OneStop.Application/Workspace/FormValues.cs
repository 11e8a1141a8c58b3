using System.Text.Json;

namespace OneStop.Application.Workspace;

/// <summary>A dossier's form data as the workflow's conditions read it (field name → string, number or boolean).</summary>
public static class FormValues
{
    public static Dictionary<string, object?> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => (object?)(p.Value.ValueKind switch
        {
            JsonValueKind.String => p.Value.GetString(),
            JsonValueKind.Number => p.Value.GetDecimal(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => p.Value.GetRawText(),
        }));
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using OneStop.Core.Common;
using OneStop.Core.Procedures;

namespace OneStop.Web.Pages.Shared;

/// <summary>Reads the generated form's fields (named f.NAME) from a posted form into the dossier's JSON data.</summary>
public static class FormReader
{
    public static JsonObject Read(IFormCollection form, IReadOnlyList<FormField> schema)
    {
        var data = new JsonObject();
        foreach (var field in schema.Where(f => f.Type != FormFieldType.Group))
        {
            var raw = Text.Clean(form["f." + field.Name].ToString());
            if (raw.Length == 0)
            {
                continue;
            }

            data[field.Name] = field.Type == FormFieldType.Number && decimal.TryParse(raw, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
                ? JsonValue.Create(number)
                : JsonValue.Create(raw);
        }

        return data;
    }
}

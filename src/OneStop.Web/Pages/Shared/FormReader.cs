using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OneStop.Core.Common;
using OneStop.Core.Procedures;

namespace OneStop.Web.Pages.Shared;

/// <summary>Reads the generated form's fields (named f.NAME, f.GROUP[i].NAME, f.ADDRESS.detail …) from a posted form into the dossier's JSON data.</summary>
public static partial class FormReader
{
    public static JsonObject Read(IFormCollection form, IReadOnlyList<FormField> schema)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(schema);
        var data = new JsonObject();
        foreach (var field in schema)
        {
            if (field.Type == FormFieldType.Group)
            {
                var rows = ReadGroup(form, field);
                if (rows.Count > 0)
                {
                    data[field.Name] = rows;
                }

                continue;
            }

            if (Value(form, "f." + field.Name, field) is { } value)
            {
                data[field.Name] = value;
            }
        }

        return data;
    }

    private static JsonArray ReadGroup(IFormCollection form, FormField group)
    {
        var prefix = $"f.{group.Name}[";
        var indexes = form.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal))
            .Select(k => RowIndex().Match(k[prefix.Length..])).Where(m => m.Success)
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Distinct().Order().Take(100);
        var rows = new JsonArray();
        foreach (var i in indexes)
        {
            var row = new JsonObject();
            foreach (var sub in group.Fields.Where(s => s.Type != FormFieldType.Group))
            {
                if (Value(form, $"f.{group.Name}[{i}].{sub.Name}", sub) is { } value)
                {
                    row[sub.Name] = value;
                }
            }

            // A row left empty (added and not filled) is not part of the dossier.
            if (row.Count > 0)
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    private static JsonNode? Value(IFormCollection form, string name, FormField field)
    {
        var raw = Text.Clean(form[name].ToString());
        if (field.Type == FormFieldType.Address && raw.Length == 0 && (form.ContainsKey(name + ".detail") || form.ContainsKey(name + ".commune")))
        {
            var detail = Text.Clean(form[name + ".detail"].ToString());
            var commune = Text.Clean(form[name + ".commune"].ToString());
            // The province alone (always selected) is not an address.
            raw = detail.Length == 0 && commune.Length == 0 ? string.Empty
                : new FormAddress(detail, commune, Text.Clean(form[name + ".province"].ToString())).Compose();
        }

        if (raw.Length == 0)
        {
            return null;
        }

        return field.Type == FormFieldType.Number && decimal.TryParse(raw, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
            ? JsonValue.Create(number)
            : JsonValue.Create(raw);
    }

    [GeneratedRegex(@"^(\d{1,3})\]\.")]
    private static partial Regex RowIndex();
}

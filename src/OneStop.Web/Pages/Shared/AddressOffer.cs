using System.Text.Json.Nodes;
using OneStop.Core.Procedures;

namespace OneStop.Web.Pages.Shared;

/// <summary>
/// The communes and the province an address field of a generated form offers. The citizen portal and the counter's walk-in
/// form show and check addresses through this one offer, so the two never differ.
/// </summary>
public sealed record AddressOffer(IReadOnlyList<string> Communes, string? Province)
{
    public FormFieldsView View(IReadOnlyList<FormField> fields, JsonObject data, IReadOnlyDictionary<string, string[]> errors) =>
        new(fields, data, errors) { Communes = Communes, Province = Province };

    /// <summary>The server's whole check of a posted generated form: the form validator's rules, then the address choices (which win on the same field).</summary>
    public Dictionary<string, string[]> Validate(IFormCollection form, IReadOnlyList<FormField> schema, JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var errors = Infrastructure.Dossiers.FormValidator.Validate(schema, data.ToJsonString());
        foreach (var (key, messages) in Check(form, schema))
        {
            errors[key] = messages;
        }

        return errors;
    }

    /// <summary>
    /// What the browser cannot be trusted with: a commune that is not one offered, and a required address typed without its commune.
    /// Messages are keyed like the form validator's (a field in a group is reported on the group).
    /// </summary>
    public Dictionary<string, string[]> Check(IFormCollection form, IReadOnlyList<FormField> schema)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(schema);
        var errors = new Dictionary<string, string[]>();
        if (Communes.Count == 0)
        {
            return errors;
        }

        foreach (var field in schema)
        {
            if (field.Type == FormFieldType.Address && CheckOne(form, "f." + field.Name, field) is { } message)
            {
                errors[field.Name] = [message];
            }
            else if (field.Type == FormFieldType.Group)
            {
                foreach (var sub in field.Fields.Where(s => s.Type == FormFieldType.Address))
                {
                    var prefix = $"f.{field.Name}[";
                    var suffix = $"].{sub.Name}.commune";
                    foreach (var key in form.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal) && k.EndsWith(suffix, StringComparison.Ordinal)))
                    {
                        if (CheckOne(form, key[..^".commune".Length], sub) is { } rowMessage)
                        {
                            errors[field.Name] = [$"{field.Label}: {rowMessage}"];
                        }
                    }
                }
            }
        }

        return errors;
    }

    private string? CheckOne(IFormCollection form, string name, FormField field)
    {
        var commune = form[name + ".commune"].ToString().Trim();
        var detail = form[name + ".detail"].ToString().Trim();
        if (commune.Length > 0 && !Communes.Contains(commune, StringComparer.Ordinal))
        {
            return $"{field.Label}: xã, phường \"{commune}\" không có trong danh sách.";
        }

        var province = form[name + ".province"].ToString().Trim();
        if (province.Length > 0 && Province is { Length: > 0 } && !string.Equals(province, Province, StringComparison.Ordinal))
        {
            return $"{field.Label}: chỉ nhận địa chỉ trong {Province}.";
        }

        return commune.Length == 0 && detail.Length > 0 && field.Required ? $"{field.Label}: chọn xã, phường." : null;
    }
}

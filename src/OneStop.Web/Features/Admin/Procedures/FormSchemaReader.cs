using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using OneStop.Core.Common;
using OneStop.Core.Procedures;

namespace OneStop.Web.Features.Admin.Procedures;

/// <summary>Reads the form editor's JSON into form fields, naming every problem in Vietnamese by its position and label.</summary>
public static partial class FormSchemaReader
{
    public const int MaxFields = 100;

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,63}$")]
    private static partial Regex NamePattern();

    public static IReadOnlyList<FormField> Read(string? json, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "[]" : json).RootElement;
        }
        catch (JsonException)
        {
            errors.Add("Tờ khai: nội dung không đúng định dạng JSON.");
            return [];
        }

        if (root.ValueKind != JsonValueKind.Array)
        {
            errors.Add("Tờ khai: phải là một danh sách các trường.");
            return [];
        }

        return ReadList(root, "Trường", errors, nested: false);
    }

    private static List<FormField> ReadList(JsonElement array, string prefix, List<string> errors, bool nested)
    {
        var fields = new List<FormField>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            i++;
            if (i > MaxFields)
            {
                errors.Add($"Tờ khai: tối đa {MaxFields} trường.");
                break;
            }

            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"{prefix} thứ {i}: không đúng định dạng.");
                continue;
            }

            var label = Text.Clean(Str(item, "label"));
            var where = $"{prefix} thứ {i}{(label.Length > 0 ? $" ({label})" : "")}";
            var name = Text.Clean(Str(item, "name"));
            if (name.Length == 0)
            {
                errors.Add($"{where}: chưa nhập tên kỹ thuật.");
            }
            else if (!NamePattern().IsMatch(name))
            {
                errors.Add($"{where}: tên kỹ thuật '{name}' chỉ gồm chữ cái không dấu, chữ số và dấu gạch dưới, không bắt đầu bằng chữ số.");
            }
            else if (!names.Add(name))
            {
                errors.Add($"{where}: tên kỹ thuật '{name}' bị trùng.");
            }

            if (label.Length == 0)
            {
                errors.Add($"{where}: chưa nhập nhãn hiển thị.");
            }
            else if (label.Length > 300)
            {
                errors.Add($"{where}: nhãn tối đa 300 ký tự.");
            }

            var typeText = Str(item, "type");
            if (!Enum.TryParse<FormFieldType>(typeText, ignoreCase: true, out var type) || !Enum.IsDefined(type) || int.TryParse(typeText, out _))
            {
                errors.Add($"{where}: kiểu '{typeText}' không hợp lệ.");
                continue;
            }

            var required = item.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.True;
            var options = item.TryGetProperty("options", out var o) && o.ValueKind == JsonValueKind.Array
                ? o.EnumerateArray().Select(x => Text.Clean(x.ValueKind == JsonValueKind.String ? x.GetString() : x.ToString())).Where(x => x.Length > 0).ToList()
                : [];
            var min = Number(item, "min", where, errors);
            var max = Number(item, "max", where, errors);
            List<FormField> children = [];
            switch (type)
            {
                case FormFieldType.Choice when options.Count == 0:
                    errors.Add($"{where}: trường lựa chọn cần ít nhất một giá trị để chọn.");
                    break;
                case FormFieldType.Choice when options.Distinct(StringComparer.Ordinal).Count() != options.Count:
                    errors.Add($"{where}: các giá trị để chọn bị trùng.");
                    break;
                case FormFieldType.Group when nested:
                    errors.Add($"{where}: nhóm không được lồng trong nhóm.");
                    break;
                case FormFieldType.Group:
                    children = item.TryGetProperty("fields", out var f) && f.ValueKind == JsonValueKind.Array
                        ? ReadList(f, $"{where} › trường", errors, nested: true)
                        : [];
                    if (children.Count == 0)
                    {
                        errors.Add($"{where}: nhóm cần ít nhất một trường con.");
                    }

                    break;
            }

            if (type != FormFieldType.Number && (min is not null || max is not null))
            {
                errors.Add($"{where}: giá trị nhỏ nhất/lớn nhất chỉ dùng cho trường kiểu số.");
            }

            if (min is not null && max is not null && min > max)
            {
                errors.Add($"{where}: giá trị nhỏ nhất lớn hơn giá trị lớn nhất.");
            }

            fields.Add(new FormField(name, label, type, required)
            {
                Options = type == FormFieldType.Choice ? options : [],
                Min = min,
                Max = max,
                Fields = children,
            });
        }

        return fields;
    }

    private static string Str(JsonElement item, string property) =>
        item.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";

    private static decimal? Number(JsonElement item, string property, string where, List<string> errors)
    {
        if (!item.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null
            || (value.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetString())))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number))
        {
            return number;
        }

        if (value.ValueKind == JsonValueKind.String
            && decimal.TryParse(value.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        errors.Add($"{where}: giá trị {(property == "min" ? "nhỏ nhất" : "lớn nhất")} phải là một số.");
        return null;
    }
}

using System.Globalization;
using System.Net.Mail;
using System.Text.Json;
using OneStop.Core.Common;
using OneStop.Core.Procedures;

namespace OneStop.Infrastructure.Dossiers;

/// <summary>Checks form data against a procedure's form schema; every message is Vietnamese and names the field.</summary>
public static class FormValidator
{
    /// <summary>Field name → messages; empty when the data is valid.</summary>
    public static Dictionary<string, string[]> Validate(IReadOnlyList<FormField> schema, string formDataJson)
    {
        var errors = new Dictionary<string, string[]>();
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(formDataJson).RootElement;
        }
        catch (JsonException)
        {
            errors["formData"] = ["Dữ liệu tờ khai không đúng định dạng."];
            return errors;
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            errors["formData"] = ["Dữ liệu tờ khai phải là một đối tượng."];
            return errors;
        }

        Check(schema, root, string.Empty, errors);
        return errors;
    }

    private static void Check(IReadOnlyList<FormField> schema, JsonElement data, string prefix, Dictionary<string, string[]> errors)
    {
        foreach (var field in schema)
        {
            var key = prefix + field.Name;
            var present = data.TryGetProperty(field.Name, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
                && !(value.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetString()));
            if (!present)
            {
                if (field.Required)
                {
                    errors[key] = [$"{field.Label}: bắt buộc nhập."];
                }

                continue;
            }

            if (field.Type == FormFieldType.Group)
            {
                if (value.ValueKind != JsonValueKind.Array)
                {
                    errors[key] = [$"{field.Label}: phải là một danh sách."];
                    continue;
                }

                var i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Object)
                    {
                        Check(field.Fields, item, $"{key}[{i}].", errors);
                    }

                    i++;
                }

                continue;
            }

            if (Problem(field, value) is { } message)
            {
                errors[key] = [$"{field.Label}: {message}"];
            }
        }
    }

    private static string? Problem(FormField field, JsonElement value)
    {
        var text = value.ValueKind == JsonValueKind.String ? value.GetString()!.Trim() : value.GetRawText();
        switch (field.Type)
        {
            case FormFieldType.Number:
                if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
                {
                    return "phải là một số.";
                }

                if (field.Min is { } min && number < min)
                {
                    return $"không được nhỏ hơn {min.ToString("#,0.##", VietnameseFormats.Culture)}.";
                }

                return field.Max is { } max && number > max ? $"không được lớn hơn {max.ToString("#,0.##", VietnameseFormats.Culture)}." : null;
            case FormFieldType.Date:
                return DateOnly.TryParseExact(text, ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                    ? null : "ngày không hợp lệ (dd/MM/yyyy).";
            case FormFieldType.Choice:
                return field.Options.Count == 0 || field.Options.Contains(text, StringComparer.Ordinal)
                    ? null : $"phải là một trong: {string.Join(", ", field.Options)}.";
            case FormFieldType.IdNumber:
                return VietnameseFormats.IsIdNumber(text) ? null : "phải gồm 12 chữ số (CCCD) hoặc 9 chữ số (CMND).";
            case FormFieldType.Phone:
                return VietnameseFormats.NormalizePhone(text) is null ? "số điện thoại không hợp lệ." : null;
            case FormFieldType.Email:
                return MailAddress.TryCreate(text, out _) ? null : "địa chỉ e-mail không hợp lệ.";
            default:
                return text.Length > 2000 ? "tối đa 2.000 ký tự." : null;
        }
    }
}

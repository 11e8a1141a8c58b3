using System.Text.Json;
using System.Text.RegularExpressions;
using OneStop.Core.Common;
using OneStop.Core.Procedures;

namespace OneStop.Web.Features.Admin.Procedures;

/// <summary>Reads the required-documents editor's JSON, giving each document a stable code (kept when it had one).</summary>
public static partial class DocumentListReader
{
    public const int MaxDocuments = 50;

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex CodePattern();

    public static IReadOnlyList<RequiredDocument> Read(string? json, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "[]" : json).RootElement;
        }
        catch (JsonException)
        {
            errors.Add("Thành phần hồ sơ: nội dung không đúng định dạng JSON.");
            return [];
        }

        if (root.ValueKind != JsonValueKind.Array)
        {
            errors.Add("Thành phần hồ sơ: phải là một danh sách.");
            return [];
        }

        var documents = new List<RequiredDocument>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        foreach (var item in root.EnumerateArray())
        {
            i++;
            if (i > MaxDocuments)
            {
                errors.Add($"Thành phần hồ sơ: tối đa {MaxDocuments} giấy tờ.");
                break;
            }

            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"Giấy tờ thứ {i}: không đúng định dạng.");
                continue;
            }

            var name = Text.Clean(Str(item, "name"));
            var where = $"Giấy tờ thứ {i}{(name.Length > 0 ? $" ({name})" : "")}";
            if (name.Length == 0)
            {
                errors.Add($"{where}: chưa nhập tên giấy tờ.");
            }
            else if (name.Length > 500)
            {
                errors.Add($"{where}: tên tối đa 500 ký tự.");
            }

            var code = Text.Clean(Str(item, "code"));
            if (code.Length == 0)
            {
                code = $"TP{i}";
                while (codes.Contains(code))
                {
                    code += "B";
                }
            }
            else if (!CodePattern().IsMatch(code))
            {
                errors.Add($"{where}: mã '{code}' chỉ gồm chữ cái không dấu, chữ số, '-' và '_' (tối đa 32 ký tự).");
            }

            if (!codes.Add(code))
            {
                errors.Add($"{where}: mã '{code}' bị trùng.");
            }

            var copies = 1;
            if (item.TryGetProperty("copies", out var c) && !(c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out copies)
                    || c.ValueKind == JsonValueKind.String && int.TryParse(c.GetString(), out copies)))
            {
                errors.Add($"{where}: số bản phải là số nguyên.");
            }
            else if (copies is < 1 or > 20)
            {
                errors.Add($"{where}: số bản từ 1 đến 20.");
            }

            var formText = Str(item, "form");
            DocumentForm form = DocumentForm.Original;
            if (formText.Length > 0 && (!Enum.TryParse(formText, ignoreCase: true, out form) || !Enum.IsDefined(form) || int.TryParse(formText, out _)))
            {
                errors.Add($"{where}: hình thức '{formText}' không hợp lệ (bản chính, bản sao có chứng thực hoặc bản sao).");
            }

            var template = Text.CleanOrNull(Str(item, "template"));
            if (template?.Length > 300)
            {
                errors.Add($"{where}: tên mẫu đơn, tờ khai tối đa 300 ký tự.");
            }

            var required = !item.TryGetProperty("isRequired", out var r) || r.ValueKind != JsonValueKind.False;
            documents.Add(new RequiredDocument(code, name, copies, form, required) { Template = template });
        }

        return documents;
    }

    private static string Str(JsonElement item, string property) =>
        item.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";
}

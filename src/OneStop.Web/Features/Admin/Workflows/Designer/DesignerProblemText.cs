using System.Globalization;
using System.Text.Json.Nodes;
using OneStop.Workflows.Validation;

namespace OneStop.Web.Features.Admin.Workflows.Designer;

/// <summary>
/// Says each validator problem in the words of the field it sits beside ("Chưa chọn bước chuyển đến."), reading the offending value
/// from the draft where the sentence names it; the validator stays the judge of what is wrong.
/// </summary>
public static class DesignerProblemText
{
    public static DesignerProblem Describe(WorkflowProblem problem, JsonNode? draft)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var field = LastField(problem.Path);
        var value = Quote(Resolve(draft, problem.Path));
        var message = (problem.Code, field) switch
        {
            (ProblemCode.MissingField, "name") => "Chưa nhập tên.",
            (ProblemCode.MissingField, "label") => "Chưa nhập tên nút thao tác.",
            (ProblemCode.MissingField, "id") => "Chưa có mã.",
            (ProblemCode.MissingField, "duration") => "Chưa nhập thời hạn xử lý.",
            (ProblemCode.MissingField, "assignee") => "Chưa chọn người xử lý.",
            (ProblemCode.MissingField, "department") => "Chưa chọn phòng, ban xử lý.",
            (ProblemCode.MissingField, "outcome") => "Chưa chọn kết quả của bước kết thúc.",
            (ProblemCode.MissingField, "joinStep") => "Chưa chọn bước tổng hợp các nhánh.",
            (ProblemCode.MissingField, "procedures") => "Chưa chọn thủ tục hành chính áp dụng quy trình này.",
            (ProblemCode.MissingField, "steps") => "Quy trình chưa có bước nào.",
            (ProblemCode.MissingField, "value") => "Chưa nhập giá trị cần ghi.",
            (ProblemCode.NoWayOut, "target") => "Chưa chọn bước chuyển đến.",
            (ProblemCode.NoWayOut, "next") => "Chưa chọn bước tiếp theo.",
            (ProblemCode.NoWayOut, "actions") => "Bước này chưa có thao tác nào để chuyển hồ sơ đi tiếp.",
            (ProblemCode.NoWayOut, "branches") => "Chưa chọn bước của nhánh.",
            (ProblemCode.UnknownTarget, "start") => "Bước bắt đầu không còn trong quy trình; hãy chọn lại.",
            (ProblemCode.UnknownTarget, _) => $"Bước {value} không còn trong quy trình; hãy chọn lại.",
            (ProblemCode.UnreachableStep, _) => "Không có thao tác nào dẫn tới bước này từ bước bắt đầu: hồ sơ sẽ không bao giờ tới đây.",
            (ProblemCode.NoPathToEnd, "steps") => "Quy trình chưa có bước kết thúc.",
            (ProblemCode.NoPathToEnd, _) => "Từ bước này không có đường nào dẫn tới một bước kết thúc.",
            (ProblemCode.UnknownRole, _) when value == Unnamed => "Chưa chọn vai trò xử lý.",
            (ProblemCode.UnknownRole, _) => $"Vai trò {value} không có trong hệ thống; hãy chọn lại.",
            (ProblemCode.UnknownAgency, _) => $"Cơ quan {value} không có trong danh sách tổ chức; hãy chọn lại.",
            (ProblemCode.UnknownDepartment, _) => $"Phòng, ban {value} không có ở cơ quan xử lý bước này; hãy chọn lại.",
            (ProblemCode.BadDuration, _) => "Thời hạn phải là một số nguyên từ 1 đến 999 (ngày hoặc giờ làm việc).",
            (ProblemCode.BadCondition, _) => "Điều kiện không đọc được; hãy xóa và đặt lại điều kiện.",
            (ProblemCode.UnknownInput, _) => "Điều kiện dùng một trường chưa được khai báo trong dữ liệu tờ khai của quy trình.",
            (ProblemCode.DuplicateId, "version") => problem.MessageVi,
            (ProblemCode.DuplicateId, _) => $"Mã {value} đã được dùng; hãy đặt mã khác.",
            (ProblemCode.JoinWithoutSplit, "joinStep") => "Bước được chọn không phải bước tổng hợp các nhánh.",
            (ProblemCode.JoinWithoutSplit, _) => "Bước tổng hợp này phải là bước tổng hợp của đúng một bước lấy ý kiến song song.",
            (ProblemCode.BranchNeverJoins, _) => "Nhánh này không bao giờ đi tới bước tổng hợp các nhánh.",
            _ => problem.MessageVi,
        };
        return new DesignerProblem(problem.Code.ToString(), problem.Path, message, problem.MessageVi);
    }

    /// <summary>The last property named in a path: "$.steps[2].actions[0].target" → "target", "$.steps[2].branches[1]" → "branches".</summary>
    public static string LastField(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var segment = path[(path.LastIndexOf('.') + 1)..];
        var bracket = segment.IndexOf('[', StringComparison.Ordinal);
        return bracket >= 0 ? segment[..bracket] : segment;
    }

    /// <summary>The node a "$.a[1].b" path points at, or null.</summary>
    public static JsonNode? Resolve(JsonNode? root, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var node = root;
        foreach (var part in path.TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            var name = bracket >= 0 ? part[..bracket] : part;
            node = name.Length == 0 ? node : (node as JsonObject)?[name];
            for (var rest = bracket >= 0 ? part[bracket..] : ""; rest.StartsWith('[') && rest.IndexOf(']', StringComparison.Ordinal) is var end and > 0;
                 rest = rest[(end + 1)..])
            {
                node = int.TryParse(rest[1..end], NumberStyles.None, CultureInfo.InvariantCulture, out var i) && node is JsonArray a && i < a.Count ? a[i] : null;
            }
        }

        return node;
    }

    private const string Unnamed = "đã chọn";

    private static string Quote(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var text) && text.Length > 0 ? $"“{text}”" : Unnamed;
}

using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Infrastructure.Data;
using OneStop.Web.Features.Admin.Workflows;
using OneStop.Workflows.Validation;

namespace OneStop.Web.Pages.Admin.Workflows;

/// <summary>Write or upload a definition's JSON, see the validator's problems as you type and the diagram beside it, then publish.</summary>
public sealed class EditModel(WorkflowConsole console, OneStopDbContext db) : PageModel
{
    private const long MaxUploadBytes = 1024 * 1024;

    public string Json { get; private set; } = "";
    public IReadOnlyList<WorkflowProblem> Problems { get; private set; } = [];
    public string? Mermaid { get; private set; }
    public string? Published { get; private set; }
    public string? Error { get; private set; }
    public bool Checked { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? id, int? version, CancellationToken cancellationToken)
    {
        if (id is null)
        {
            Json = Starter;
            Show(console.Check(Json), checkedNow: false);
            return Page();
        }

        var json = await console.FindJsonAsync(id, version, cancellationToken);
        if (json is null)
            return NotFound();
        var next = await db.WorkflowDefinitions.AsNoTracking().Where(d => d.Id == id).MaxAsync(d => d.Version, cancellationToken) + 1;
        Json = NextVersion(json, next);
        Show(console.Check(Json), checkedNow: false);
        return Page();
    }

    /// <summary>The live check while typing: problems and diagram as JSON.</summary>
    public JsonResult OnPostCheck(string? json)
    {
        var check = console.Check(json);
        return new JsonResult(new
        {
            valid = check.IsValid,
            problems = check.Problems.Select(p => new { code = p.Code.ToString(), path = p.Path, messageVi = p.MessageVi }),
            mermaid = check.Mermaid,
        });
    }

    public IActionResult OnPostValidate(string? json)
    {
        Json = json ?? "";
        Show(console.Check(Json), checkedNow: true);
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
            Error = "Chưa chọn tệp định nghĩa (.json) hoặc tệp rỗng.";
        else if (file.Length > MaxUploadBytes)
            Error = "Tệp định nghĩa quá lớn (tối đa 1 MB).";
        else
        {
            using var reader = new StreamReader(file.OpenReadStream());
            Json = await reader.ReadToEndAsync(cancellationToken);
            Show(console.Check(Json), checkedNow: true);
        }

        return Page();
    }

    public IActionResult OnPostPublish(string? json)
    {
        Json = json ?? "";
        var check = console.Check(Json);
        var (created, problems) = console.Publish(check, User.FindFirstValue(ClaimTypes.Email) ?? User.Identity?.Name);
        Show(check, checkedNow: true);
        Problems = problems;
        if (problems.Count == 0)
        {
            var d = check.Definition!;
            Published = created ? $"Đã ban hành {d.Id} phiên bản {d.Version}." : $"{d.Id} phiên bản {d.Version} đã được ban hành trước đó với cùng nội dung.";
        }

        return Page();
    }

    private void Show(WorkflowCheck check, bool checkedNow)
    {
        Problems = check.Problems;
        Mermaid = check.Mermaid;
        Checked = checkedNow;
    }

    private static string NextVersion(string json, int version)
    {
        if (JsonNode.Parse(json) is not JsonObject root)
            return json;
        root["version"] = version;
        return root.ToJsonString(new System.Text.Json.JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        });
    }

    private const string Starter = """
        {
          "id": "ma-quy-trinh",
          "version": 1,
          "name": "Tên quy trình",
          "procedures": ["ma-thu-tuc"],
          "steps": [
            { "id": "tiep-nhan", "kind": "task", "name": "Tiếp nhận hồ sơ", "assignee": { "role": "Reception", "department": "MOTCUA" }, "duration": "4h",
              "actions": [ { "id": "accept", "label": "Tiếp nhận", "target": "hoan-thanh", "issues": ["receipt"] } ] },
            { "id": "hoan-thanh", "kind": "end", "name": "Hoàn thành", "outcome": "completed" }
          ]
        }
        """;
}

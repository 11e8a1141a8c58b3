using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Core.Common;
using OneStop.Web.Features.Admin.Workflows;
using OneStop.Web.Features.Admin.Workflows.Designer;
using OneStop.Workflows.Validation;

namespace OneStop.Web.Pages.Admin.Workflows;

/// <summary>
/// The workflow designer: start from a template, a published version or nothing; edit steps and actions in forms beside the
/// diagram (or the JSON, for experts), checked by the engine's validator as the administrator works; simulate; publish a new version.
/// </summary>
public sealed class EditModel(WorkflowConsole console, WorkflowDesigner designer, WorkflowTemplates templates, DesignerCatalogueReader catalogue,
    ProcedureLookup procedures) : PageModel
{
    private const long MaxUploadBytes = 1024 * 1024;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The draft's JSON: the stored form, shown to experts and read by the designer.</summary>
    public string Draft { get; private set; } = "";

    /// <summary>Where the draft came from ("blank", "template:…", "published:id:version"), so an unfinished draft is kept per start.</summary>
    public string Origin { get; private set; } = "";

    /// <summary>True on the first screen, where the administrator chooses how to start.</summary>
    public bool Choosing { get; private set; }

    public IReadOnlyList<WorkflowTemplates.Template> Templates { get; private set; } = [];

    public IReadOnlyList<PublishedWorkflow> Latest { get; private set; } = [];

    public string CatalogueJson { get; private set; } = "{}";

    /// <summary>The problems that refused a publication (the designer also shows them beside their fields).</summary>
    public IReadOnlyList<DesignerProblem> Problems { get; private set; } = [];

    public PublishedNow? Published { get; private set; }

    public string? Error { get; private set; }

    /// <summary>A version just published, and the older versions with dossiers still running on them (which may be migrated).</summary>
    public sealed record PublishedNow(string Id, int Version, string Name, bool Created, IReadOnlyList<PublishedWorkflow> Running);

    public async Task<IActionResult> OnGetAsync(string? id, int? version, string? template, bool blank, CancellationToken cancellationToken)
    {
        if (id is not null)
        {
            var json = await console.FindJsonAsync(id, version, cancellationToken);
            if (json is null)
                return NotFound();
            var next = (await designer.LatestVersionAsync(id, cancellationToken) ?? 0) + 1;
            return await ShowAsync(NextVersion(json, next), $"published:{id}:{version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "latest"}",
                cancellationToken);
        }

        if (template is not null)
        {
            var json = templates.Read(template);
            return json is null ? NotFound() : await ShowAsync(json, "template:" + template, cancellationToken);
        }

        if (blank)
            return await ShowAsync(BlankDraft, "blank", cancellationToken);

        Choosing = true;
        Templates = templates.List();
        Latest = [.. (await console.ListAsync(cancellationToken)).GroupBy(w => w.Id).Select(g => g.First())];
        return Page();
    }

    /// <summary>The check as the administrator edits (debounced): problems worded for their fields, warnings, latest version, Mermaid text.</summary>
    public async Task<JsonResult> OnPostCheckAsync(string? json, CancellationToken cancellationToken) =>
        new(await designer.CheckAsync(json, cancellationToken), Json);

    /// <summary>Walks a sample dossier through the draft on the working calendar; 422 with the problems when the draft is invalid.</summary>
    public async Task<IActionResult> OnPostSimulateAsync([FromBody] SimulationInput? input, CancellationToken cancellationToken)
    {
        if (input is null)
            return new JsonResult(new { error = "Yêu cầu mô phỏng không đọc được." }, Json) { StatusCode = StatusCodes.Status400BadRequest };
        try
        {
            return new JsonResult(await console.SimulateAsync(input, cancellationToken), Json);
        }
        catch (WorkflowValidationException)
        {
            return new JsonResult(await designer.CheckAsync(input.Json, cancellationToken), Json) { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        catch (DomainException ex)
        {
            return new JsonResult(new { error = ex.Message }, Json) { StatusCode = StatusCodes.Status400BadRequest };
        }
    }

    /// <summary>Procedures by code or name, for the list of procedures a workflow applies to.</summary>
    public async Task<JsonResult> OnGetProceduresAsync(string? q, CancellationToken cancellationToken) =>
        new(await procedures.SearchAsync(q, cancellationToken), Json);

    /// <summary>A procedure's name, deadline and the form fields conditions may read; null when the catalogue has no such code
    /// (a draft may name one; the page says so beside it rather than failing a request).</summary>
    public async Task<JsonResult> OnGetProcedureAsync(string? code, CancellationToken cancellationToken) =>
        new(await procedures.FormAsync(code, cancellationToken), Json);

    public async Task<IActionResult> OnPostPublishAsync(string? json, CancellationToken cancellationToken)
    {
        var check = console.Check(json);
        var (created, problems) = console.Publish(check, User.FindFirstValue(ClaimTypes.Email) ?? User.Identity?.Name);
        if (problems.Count > 0)
        {
            var draft = SafeParse(json);
            Problems = [.. problems.Select(p => DesignerProblemText.Describe(p, draft))];
            return await ShowAsync(json ?? "", Request.Form["origin"].ToString(), cancellationToken);
        }

        var d = check.Definition!;
        var running = (await console.ListAsync(cancellationToken)).Where(w => w.Id == d.Id && w.Version != d.Version && w.Running > 0).ToList();
        Published = new PublishedNow(d.Id, d.Version, d.Name, created, running);
        Origin = Request.Form["origin"].ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
            Error = "Chưa chọn tệp định nghĩa (.json) hoặc tệp rỗng.";
        else if (file.Length > MaxUploadBytes)
            Error = "Tệp định nghĩa quá lớn (tối đa 1 MB).";
        if (Error is not null)
            return await ShowAsync(BlankDraft, "blank", cancellationToken);
        using var reader = new StreamReader(file!.OpenReadStream());
        return await ShowAsync(await reader.ReadToEndAsync(cancellationToken), "upload", cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(string json, string origin, CancellationToken cancellationToken)
    {
        Draft = json;
        Origin = origin;
        CatalogueJson = JsonSerializer.Serialize(await catalogue.ReadAsync(cancellationToken), Json);
        return Page();
    }

    private static JsonNode? SafeParse(string? json)
    {
        try
        {
            return JsonNode.Parse(json ?? "");
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string NextVersion(string json, int version)
    {
        if (SafeParse(json) is not JsonObject root)
            return json;
        root["version"] = version;
        return root.ToJsonString(new JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        });
    }

    private const string BlankDraft = """
        {
          "id": "",
          "version": 1,
          "name": "",
          "procedures": [],
          "steps": []
        }
        """;
}

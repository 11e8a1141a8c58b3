using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Infrastructure.Workflows;
using OneStop.Web.Features.Admin.Workflows;
using OneStop.Workflows.Definitions;
using OneStop.Workflows.Runtime;
using OneStop.Workflows.Runtime.Errors;

namespace OneStop.Web.Pages.Admin.Workflows;

/// <summary>Moves the running instances of one version to another with a step mapping: preview first, then apply.</summary>
public sealed class MigrateModel(WorkflowConsole console, PostgresDefinitionRegistry registry) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    [BindProperty(SupportsGet = true)] public int From { get; set; }
    [BindProperty(SupportsGet = true)] public int To { get; set; }
    [BindProperty] public Dictionary<string, string> Mapping { get; set; } = [];
    [BindProperty] public string? Comment { get; set; }

    public WorkflowDefinition? Target { get; private set; }
    public MigrationPreview? Preview { get; private set; }
    public MigrationReport? Report { get; private set; }
    public string? Error { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => ShowAsync(cancellationToken);

    public Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken) => ShowAsync(cancellationToken);

    public async Task<IActionResult> OnPostApplyAsync(CancellationToken cancellationToken)
    {
        var result = await ShowAsync(cancellationToken);
        if (Preview is null || Error is not null)
            return result;
        if (Preview.Blocked > 0)
        {
            Error = "Còn bước chưa có bước tương ứng hợp lệ ở phiên bản mới; hãy sửa bảng ánh xạ rồi xem trước lại.";
            return result;
        }

        var admin = new WorkflowActor(User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "admin", WorkflowRoles.Admin);
        Report = await console.MigrateAsync(Id, From, To, Mapping, admin, Comment, cancellationToken);
        Preview = await console.PreviewAsync(Id, From, To, Mapping, cancellationToken);
        return Page();
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        if (From == To)
        {
            Error = "Phiên bản đích phải khác phiên bản nguồn.";
            return Page();
        }

        try
        {
            Target = registry.Find(Id, To);
            Preview = await console.PreviewAsync(Id, From, To, Mapping, cancellationToken);
        }
        catch (WorkflowNotFoundException ex)
        {
            Error = ex.MessageVi;
        }

        return Page();
    }
}

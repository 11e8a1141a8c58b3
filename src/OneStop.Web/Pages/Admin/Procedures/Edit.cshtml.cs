using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Core.Common;
using OneStop.Core.Procedures;
using OneStop.Web.Features.Admin.Procedures;

namespace OneStop.Web.Pages.Admin.Procedures;

/// <summary>Create or change a procedure (a change is a new version in force from a date), preview its form, publish or unpublish it.</summary>
public sealed class EditModel(ProcedureAdmin admin) : PageModel
{
    [BindProperty]
    public ProcedureInput Input { get; set; } = new();

    public string? Code { get; private set; }
    public Procedure? Existing { get; private set; }
    public IReadOnlyList<ProcedureVersion> Versions { get; private set; } = [];
    public IReadOnlyList<ProcedureAdmin.Choice> Fields { get; private set; } = [];
    public IReadOnlyList<ProcedureAdmin.Choice> Agencies { get; private set; } = [];
    public IReadOnlyList<string> WorkflowIds { get; private set; } = [];
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public string? Message { get; private set; }
    public string? Problem { get; private set; }

    public string? ErrorFor(string key) => Errors.TryGetValue(key, out var m) ? string.Join(" ", m) : null;

    public async Task<IActionResult> OnGetAsync(string? code, bool saved, CancellationToken cancellationToken)
    {
        if (code is not null)
        {
            var input = await admin.LoadAsync(code, cancellationToken);
            if (input is null)
            {
                return NotFound();
            }

            Input = input;
            Message = saved ? "Đã lưu thủ tục." : null;
        }

        await LoadAsync(code, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string? code, CancellationToken cancellationToken)
    {
        if (code is not null && await admin.FindAsync(code, cancellationToken) is null)
        {
            return NotFound();
        }

        try
        {
            var saved = await admin.SaveAsync(code, Input, User.Identity?.Name, cancellationToken);
            return Redirect($"/Admin/Procedures/Edit/{Uri.EscapeDataString(saved)}?saved=true");
        }
        catch (ProcedureValidationException ex)
        {
            Errors = ex.Errors;
        }
        catch (DomainException ex)
        {
            Problem = ex.Message;
        }

        await LoadAsync(code, cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostPublishAsync(string code, CancellationToken cancellationToken) =>
        ChangeAsync(code, () => admin.PublishAsync(code, cancellationToken), "Đã công bố thủ tục: công dân có thể nộp hồ sơ.", cancellationToken);

    public Task<IActionResult> OnPostUnpublishAsync(string code, CancellationToken cancellationToken) =>
        ChangeAsync(code, () => admin.UnpublishAsync(code, cancellationToken), "Đã ngừng công bố thủ tục: không nhận hồ sơ mới.", cancellationToken);

    /// <summary>The citizen's form as the portal renders it, for the editor's live preview.</summary>
    public IActionResult OnPostPreview()
    {
        var (fields, errors) = ProcedureAdmin.ReadForm(Input.FormJson);
        return Partial("_FormPreview", new FormPreview(fields, errors));
    }

    public sealed record FormPreview(IReadOnlyList<FormField> Fields, IReadOnlyList<string> Errors)
    {
        public Shared.FormFieldsView View => new(Fields, new JsonObject(), new Dictionary<string, string[]>());
    }

    private async Task<IActionResult> ChangeAsync(string code, Func<Task> change, string done, CancellationToken cancellationToken)
    {
        var input = await admin.LoadAsync(code, cancellationToken);
        if (input is null)
        {
            return NotFound();
        }

        try
        {
            await change();
            Message = done;
        }
        catch (DomainException ex)
        {
            Problem = ex.Message;
        }

        Input = input;
        await LoadAsync(code, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(string? code, CancellationToken cancellationToken)
    {
        Code = code;
        Existing = code is null ? null : await admin.FindAsync(code, cancellationToken);
        Versions = Existing is null ? [] : await admin.VersionsAsync(Existing.Id, cancellationToken);
        Fields = await admin.FieldsAsync(cancellationToken);
        Agencies = await admin.AgenciesAsync(cancellationToken);
        WorkflowIds = admin.WorkflowIds();
    }
}

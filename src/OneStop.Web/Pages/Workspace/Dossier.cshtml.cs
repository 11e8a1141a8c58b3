using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Application.Dossiers;
using OneStop.Application.Workspace;
using OneStop.Core.Common;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Files;
using OneStop.Workflows.Runtime;
using OneStop.Workflows.Runtime.Errors;

using OneStop.Infrastructure.Audit;

namespace OneStop.Web.Pages.Workspace;

/// <summary>
/// An official's dossier page: an adapter over <see cref="WorkspaceDossierView"/> and the workspace use cases. Every post redirects
/// back (Post/Redirect/Get) with its message in TempData, so a reload never posts again.
/// </summary>
[RequestSizeLimit(16 * 1024 * 1024)]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(OneStop.Web.Security.RateLimits.Upload)]
public sealed class DossierModel(WorkspaceDossierView pages, OwnDossiersForOfficials visible) : PageModel
{
    private WorkspaceDossierView.Page? _page;

    public DossierViews.Detail? View => _page?.View;
    public Dossier? Record => _page?.Record;
    public string Applicant => _page?.Applicant ?? string.Empty;
    public IReadOnlyList<WorkspaceDossierView.FieldValue> Fields => _page?.Fields ?? [];
    public IReadOnlyList<AvailableAction> Actions => _page?.Actions ?? [];
    public IReadOnlyList<WorkspaceDossierView.OpenTask> Tasks => _page?.Tasks ?? [];
    public WorkspaceDossierView.Deadline? DossierDeadline => _page?.DossierDeadline;
    public string? ReturnedByName => _page?.ReturnedByName;
    public bool CanApologise => _page?.CanApologise ?? false;

    /// <summary>Names of the departments offered by actions that let the official choose who handles the next step.</summary>
    public IReadOnlyDictionary<string, string> DepartmentNames => _page?.DepartmentNames ?? new Dictionary<string, string>();

    /// <summary>An official of another agency acting on a step routed to them (liên thông): they see only what the step needs.</summary>
    public bool IsOtherAgency => _page?.IsOtherAgency ?? false;
    public long Version => _page?.Version ?? 0;

    /// <summary>The receiving agency's counter may mark an uploaded attachment as compared with the original paper.</summary>
    public bool CanCertify => _page is { IsOtherAgency: false, Record.IsClosed: false } && User.IsInRole(Core.Identity.Roles.Reception);

    /// <summary>Documents waiting for a remote signature ("Chờ ký số trên thiết bị") or whose signing failed.</summary>
    public IReadOnlyList<Infrastructure.Signing.PendingSignatureView> Signatures => _page?.Signatures ?? [];

    [TempData(Key = "DossierMessage")] public string? Message { get; set; }
    [TempData(Key = "DossierError")] public string? Error { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, [FromServices] PersonalDataReads reads, CancellationToken cancellationToken)
    {
        _page = await pages.FindAsync(id, cancellationToken);
        if (_page is null)
        {
            return NotFound();
        }

        // Who saw what (Decree 13/2023): an official's reading of the dossier is audited.
        await reads.DossierAsync(id, _page.Record.Code, cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(Guid id, Guid taskId, string actionId, string? comment, long version, IFormFile? resultFile,
        HandoverMethod? handoverMethod, string? receivedBy, string? department, [FromServices] PerformAction perform,
        [FromServices] ReturnResult returnResult, CancellationToken cancellationToken) =>
        ActAsync(id, async () =>
        {
            await using var content = resultFile is { Length: > 0 } ? resultFile.OpenReadStream() : null;
            var action = new PerformActionCommand(id, taskId, actionId, comment, version, department,
                content is null ? null : new Upload(resultFile!.FileName, content));
            return actionId == ReturnResult.ActionId
                ? (await returnResult.ExecuteAsync(new ReturnResultCommand(action, handoverMethod, receivedBy), cancellationToken)).Message
                : (await perform.ExecuteAsync(action, cancellationToken)).Message;
        }, cancellationToken);

    public Task<IActionResult> OnPostClaimAsync(Guid id, Guid taskId, [FromServices] ClaimTask claim, CancellationToken cancellationToken) =>
        ActAsync(id, async () => (await claim.ExecuteAsync(new ClaimTaskCommand(taskId), cancellationToken)).Message, cancellationToken);

    public Task<IActionResult> OnPostAssignAsync(Guid id, Guid taskId, Guid assigneeId, [FromServices] AssignTask assign,
        CancellationToken cancellationToken) =>
        ActAsync(id, async () => (await assign.ExecuteAsync(new AssignTaskCommand(taskId, assigneeId), cancellationToken)).Message, cancellationToken);

    public Task<IActionResult> OnPostApologyAsync(Guid id, DateOnly? newDate, string? reason, [FromServices] Apologise apologise,
        CancellationToken cancellationToken) =>
        ActAsync(id, async () =>
        {
            var letter = await apologise.ExecuteAsync(new ApologiseCommand(id, newDate, reason), cancellationToken);
            return Apologise.Announcement(letter, newDate!.Value);
        }, cancellationToken);

    /// <summary>The counter compared an attachment with the original paper: a certified copy, journaled, into the applicant's store.</summary>
    public Task<IActionResult> OnPostCertifyAsync(Guid id, Guid attachmentId, long? version, [FromServices] CertifyAttachment certify,
        CancellationToken cancellationToken) =>
        ActAsync(id, async () => (await certify.ExecuteAsync(new CertifyAttachmentCommand(id, attachmentId, version), cancellationToken)).Message,
            cancellationToken);

    public Task<IActionResult> OnPostResignAsync(Guid id, Guid signatureId, [FromServices] ResignDocument resign, CancellationToken cancellationToken) =>
        ActAsync(id, async () =>
        {
            var signature = await resign.ExecuteAsync(new ResignDocumentCommand(id, signatureId), cancellationToken);
            return signature.State == Infrastructure.Signing.PendingSignatureState.Pending
                ? $"Đã gửi lại yêu cầu ký số {signature.Title}; hãy xác nhận trên thiết bị."
                : $"Đã ký số và phát hành {signature.Title}.";
        }, cancellationToken);

    private async Task<IActionResult> ActAsync(Guid id, Func<Task<string>> act, CancellationToken cancellationToken)
    {
        if (!await visible.CanSeeAsync(id, cancellationToken))
        {
            return NotFound();
        }

        try
        {
            Message = await act();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (WorkflowException ex)
        {
            Error = ex.MessageVi;
        }
        catch (DomainException ex)
        {
            Error = ex.Message;
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException)
        {
            Error = "Hồ sơ vừa được người khác cập nhật. Vui lòng tải lại trang.";
        }

        if (Message is not null && !await visible.CanSeeAsync(id, cancellationToken))
        {
            // The step went back to the origin agency (liên thông): this official no longer sees the dossier.
            TempData["WorkspaceMessage"] = $"{await visible.CodeAsync(id, cancellationToken)}: {Message}";
            Message = null;
            return Redirect("/Workspace");
        }

        return RedirectToPage(new { id });
    }
}

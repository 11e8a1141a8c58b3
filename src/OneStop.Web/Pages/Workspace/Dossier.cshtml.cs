using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Core.Common;
using OneStop.Core.Dossiers;
using OneStop.Core.Identity;
using OneStop.Infrastructure.Data;
using OneStop.Web.Features.Documents;
using OneStop.Web.Features.Dossiers;
using OneStop.Web.Features.Workspace;
using OneStop.Workflows.Calendar;
using OneStop.Workflows.Runtime;
using OneStop.Workflows.Runtime.Definitions;
using OneStop.Workflows.Runtime.Errors;

namespace OneStop.Web.Pages.Workspace;

[RequestSizeLimit(16 * 1024 * 1024)]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(OneStop.Web.Security.RateLimits.Upload)]
public sealed class DossierModel(OneStopDbContext db, DossierAccess access, DossierViews views, OfficialContext officials, IWorkflowEngine engine,
    WorkspaceActions workspace, IWorkflowDefinitionRegistry definitions, WorkingCalendar calendar, TimeProvider clock)
    : PageModel
{
    public sealed record FieldValue(string Label, string Value);

    public sealed record OpenTask(Guid TaskId, string Step, string? AssignedTo, DateTimeOffset? DueAt, Inbox.Deadline Deadline, bool Claimable,
        bool Assignable, IReadOnlyList<WorkspaceActions.Colleague> Colleagues);

    public DossierViews.Detail? View { get; private set; }
    public Dossier? Record { get; private set; }
    public string Applicant { get; private set; } = string.Empty;
    public IReadOnlyList<FieldValue> Fields { get; private set; } = [];
    public IReadOnlyList<AvailableAction> Actions { get; private set; } = [];
    public IReadOnlyList<OpenTask> Tasks { get; private set; } = [];
    public Inbox.Deadline? DossierDeadline { get; private set; }
    public string? ReturnedByName { get; private set; }
    public bool CanApologise { get; private set; }

    /// <summary>Names of the departments offered by actions that let the official choose who handles the next step.</summary>
    public IReadOnlyDictionary<string, string> DepartmentNames { get; private set; } = new Dictionary<string, string>();

    /// <summary>An official of another agency acting on a step routed to them (liên thông): they see only what the step needs.</summary>
    public bool IsOtherAgency { get; private set; }
    public long Version { get; private set; }
    public string? Message { get; private set; }
    public string? Error { get; private set; }

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => LoadAsync(id, cancellationToken);

    public Task<IActionResult> OnPostAsync(Guid id, Guid taskId, string actionId, string? comment, long version, IFormFile? resultFile,
        HandoverMethod? handoverMethod, string? receivedBy, string? department, CancellationToken cancellationToken) =>
        ActAsync(id, cancellationToken, async (dossier, instance, actor) =>
        {
            WorkspaceActions.UploadedFile? file = null;
            if (resultFile is { Length: > 0 })
            {
                using var buffer = new MemoryStream();
                await resultFile.CopyToAsync(buffer, cancellationToken);
                file = new(resultFile.FileName, buffer.ToArray());
            }

            var result = await workspace.PerformAsync(dossier, new PerformActionRequest(instance, taskId, actionId, actor)
            {
                Comment = comment,
                ExpectedVersion = version,
                FormData = FormData(dossier.FormData),
                Department = department,
            }, file, handoverMethod is { } method ? new(method, receivedBy) : null, cancellationToken);
            return $"Đã thực hiện: {result.Instance.Journal.LastOrDefault(j => j.ActionId == actionId && j.ActionLabel is not null)?.ActionLabel ?? actionId}.";
        });

    public Task<IActionResult> OnPostClaimAsync(Guid id, Guid taskId, CancellationToken cancellationToken) =>
        ActAsync(id, cancellationToken, async (_, instance, actor) =>
        {
            await engine.ClaimAsync(instance, taskId, actor, cancellationToken);
            return "Bạn đã nhận xử lý công việc này.";
        });

    public Task<IActionResult> OnPostAssignAsync(Guid id, Guid taskId, Guid assigneeId, CancellationToken cancellationToken) =>
        ActAsync(id, cancellationToken, async (_, instance, actor) =>
        {
            await workspace.AssignAsync(instance, taskId, assigneeId, actor, cancellationToken);
            var name = await db.Users.Where(u => u.Id == assigneeId).Select(u => u.FullName).SingleAsync(cancellationToken);
            return $"Đã phân công cho {name}.";
        });

    public Task<IActionResult> OnPostApologyAsync(Guid id, DateOnly? newDate, string? reason, CancellationToken cancellationToken) =>
        ActAsync(id, cancellationToken, async (dossier, _, actor) =>
        {
            if (newDate is null)
            {
                throw new DomainException("apology.date_required", "Chọn ngày hẹn trả mới.");
            }

            if (dossier.AgencyId != OwnAgency())
            {
                throw new DomainException("apology.not_owner", "Chỉ cơ quan tiếp nhận hồ sơ phát hành văn bản xin lỗi.");
            }

            await workspace.ApologiseAsync(dossier.Id, actor, newDate.Value, reason, cancellationToken);
            return $"Đã phát hành văn bản xin lỗi, hẹn lại ngày {newDate.Value:dd/MM/yyyy}.";
        });

    private Guid? OwnAgency() => Guid.TryParse(User.FindFirst("agency")?.Value, out var agency) ? agency : null;

    private async Task<IActionResult> ActAsync(Guid id, CancellationToken cancellationToken, Func<Dossier, Guid, WorkflowActor, Task<string>> act)
    {
        var dossier = await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        var actor = await officials.ActorAsync(User, cancellationToken);
        if (dossier?.Code is null || actor is null || !await access.CanSeeAsync(User, dossier, cancellationToken))
        {
            return NotFound();
        }

        var instance = await db.WorkflowInstances.AsNoTracking().Where(i => i.DossierId == dossier.Code).Select(i => (Guid?)i.Id)
            .SingleOrDefaultAsync(cancellationToken);
        try
        {
            Message = instance is null ? null : await act(dossier, instance.Value, actor);
        }
        catch (WorkflowException ex)
        {
            Error = ex.MessageVi;
        }
        catch (DomainException ex)
        {
            Error = ex.Message;
        }
        catch (DbUpdateConcurrencyException)
        {
            Error = "Hồ sơ vừa được người khác cập nhật. Vui lòng tải lại trang.";
        }

        db.ChangeTracker.Clear();
        if (Message is not null && !await access.CanSeeAsync(User, dossier, cancellationToken))
        {
            // The step went back to the origin agency (liên thông): this official no longer sees the dossier.
            TempData["WorkspaceMessage"] = $"{dossier.Code}: {Message}";
            return Redirect("/Workspace");
        }

        return await LoadAsync(id, cancellationToken);
    }

    private async Task<IActionResult> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var dossier = await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        var actor = await officials.ActorAsync(User, cancellationToken);
        if (dossier?.Code is null || actor is null || !await access.CanSeeAsync(User, dossier, cancellationToken))
        {
            return NotFound();
        }

        Record = dossier;
        await HttpContext.RequestServices.GetRequiredService<OneStop.Infrastructure.Audit.PersonalDataReads>().DossierAsync(dossier.Id, dossier.Code, cancellationToken);
        View = await views.DetailAsync(dossier, cancellationToken);
        Applicant = string.Join(" · ", new[] { dossier.Applicant.FullName, dossier.Applicant.IdNumber, dossier.Applicant.PhoneAsTyped, dossier.Applicant.Address }
            .Where(x => !string.IsNullOrEmpty(x)));
        // The form as it was when the dossier was submitted: its pinned procedure version, else (older dossiers) the current one.
        var schema = dossier.ProcedureVersionId is { } versionId
            ? await db.ProcedureVersions.AsNoTracking().Where(v => v.Id == versionId).Select(v => v.FormSchema).SingleAsync(cancellationToken)
            : await db.Procedures.AsNoTracking().Where(p => p.Id == dossier.ProcedureId).Select(p => p.FormSchema).SingleAsync(cancellationToken);
        var data = FormData(dossier.FormData);
        Fields = schema.Where(f => data.ContainsKey(f.Name)).Select(f => new FieldValue(f.Label, data[f.Name]?.ToString() ?? string.Empty)).ToList();
        var now = clock.GetUtcNow();
        var soon = calendar.AddWorkingDays(now, 1);
        Inbox.Deadline DeadlineOf(DateTimeOffset? due) => due < now ? Inbox.Deadline.Overdue : due < soon ? Inbox.Deadline.DueSoon : Inbox.Deadline.OnTime;
        DossierDeadline = dossier.IsClosed || View.DueAt is null ? null : DeadlineOf(View.DueAt);
        IsOtherAgency = dossier.AgencyId != OwnAgency();
        CanApologise = !dossier.IsClosed && dossier.ReceivedAt is not null && dossier.AgencyId == OwnAgency();
        if (dossier.ResultReturnedBy is { } returnedBy)
        {
            ReturnedByName = await db.Users.Where(u => u.Id == returnedBy).Select(u => u.FullName).SingleOrDefaultAsync(cancellationToken);
        }

        var instance = await engine.FindByDossierAsync(dossier.Code, cancellationToken);
        if (instance is not null)
        {
            Version = instance.Version;
            Actions = await engine.ListAvailableActionsAsync(instance.Id, actor, data, cancellationToken);
            var offered = Actions.SelectMany(a => a.DepartmentChoices).Distinct().ToList();
            if (offered.Count > 0)
            {
                // The choices are departments of the agency the next step belongs to (this dossier's steps stay within one agency).
                var agencyCodes = instance.OpenTasks.Select(t => t.Agency).Append(instance.ReceivingAgency).Distinct().ToList();
                DepartmentNames = (await (from d in db.Departments
                                          join a in db.Agencies on d.AgencyId equals a.Id
                                          where agencyCodes.Contains(a.Code) && offered.Contains(d.Code)
                                          select new { d.Code, d.Name }).ToListAsync(cancellationToken))
                    .DistinctBy(d => d.Code).ToDictionary(d => d.Code, d => d.Name);
            }
            var tasks = new List<OpenTask>();
            foreach (var task in instance.OpenTasks.Where(t => t.Role != Roles.Citizen && (t.Agency == actor.Agency)))
            {
                var claimable = task.AssignedTo is null && task.Role == actor.Role && task.Department == actor.Department;
                var assignable = task.AssignedTo == actor.UserId || actor.Role == Roles.Leader;
                var colleagues = assignable ? await workspace.ColleaguesAsync(task.Role, task.Agency, task.Department, cancellationToken) : [];
                var assignedName = task.AssignedTo is { } assigned && Guid.TryParse(assigned, out var assignedId)
                    ? await db.Users.Where(u => u.Id == assignedId).Select(u => u.FullName).SingleOrDefaultAsync(cancellationToken)
                    : null;
                tasks.Add(new OpenTask(task.Id, definitions.Find(instance.DefinitionId, instance.DefinitionVersion)?.FindStep(task.StepId)?.Name ?? task.StepId,
                    assignedName, task.DueAt,
                    DeadlineOf(task.DueAt), claimable, assignable && colleagues.Count > 0, colleagues));
            }

            Tasks = tasks;
        }

        return Page();
    }

    private static Dictionary<string, object?> FormData(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => (object?)(p.Value.ValueKind switch
        {
            JsonValueKind.String => p.Value.GetString(),
            JsonValueKind.Number => p.Value.GetDecimal(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => p.Value.GetRawText(),
        }));
    }
}

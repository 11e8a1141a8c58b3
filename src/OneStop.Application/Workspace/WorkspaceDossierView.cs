using Microsoft.EntityFrameworkCore;
using OneStop.Application.Dossiers;
using OneStop.Application.Officials;
using OneStop.Core.Dossiers;
using OneStop.Core.Identity;
using OneStop.Infrastructure.Data;
using OneStop.Workflows.Calendar;
using OneStop.Workflows.Runtime;
using OneStop.Workflows.Runtime.Definitions;

namespace OneStop.Application.Workspace;

/// <summary>What the workspace's dossier page shows an official: the dossier, its form, the actions they may take and the open tasks.</summary>
public sealed class WorkspaceDossierView(OneStopDbContext db, DossierAccess access, DossierViews views, OfficialContext officials,
    IWorkflowEngine engine, IWorkflowDefinitionRegistry definitions, Colleagues colleagues, WorkingCalendar calendar, TimeProvider clock,
    Infrastructure.Signing.RemoteSignatures remoteSignatures)
{
    public enum Deadline { OnTime, DueSoon, Overdue }

    public sealed record FieldValue(string Label, string Value);

    public sealed record OpenTask(Guid TaskId, string Step, string? AssignedTo, DateTimeOffset? DueAt, Deadline Deadline, bool Claimable,
        bool Assignable, IReadOnlyList<Colleagues.Colleague> Colleagues);

    public sealed record Page(Dossier Record, DossierViews.Detail View, string Applicant, IReadOnlyList<FieldValue> Fields,
        IReadOnlyList<AvailableAction> Actions, IReadOnlyList<OpenTask> Tasks, Deadline? DossierDeadline, string? ReturnedByName, bool CanApologise,
        IReadOnlyDictionary<string, string> DepartmentNames, bool IsOtherAgency, long Version)
    {
        /// <summary>Documents waiting for their official's remote signature ("Chờ ký số trên thiết bị") or whose signing failed.</summary>
        public IReadOnlyList<Infrastructure.Signing.PendingSignatureView> Signatures { get; init; } = [];
    }

    /// <summary>The page, or null when the official may not see the dossier.</summary>
    public async Task<Page?> FindAsync(Guid dossierId, CancellationToken cancellationToken)
    {
        var dossier = await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.Id == dossierId, cancellationToken);
        var actor = await officials.ActorAsync(cancellationToken);
        if (dossier?.Code is null || actor is null || !await access.CanSeeAsync(dossier, cancellationToken))
        {
            return null;
        }

        var view = await views.ForOfficialAsync(dossier, cancellationToken);
        var applicant = string.Join(" · ", new[] { dossier.Applicant.FullName, dossier.Applicant.IdNumber, dossier.Applicant.PhoneAsTyped, dossier.Applicant.Address }
            .Where(x => !string.IsNullOrEmpty(x)));
        // The form as it was when the dossier was submitted: its pinned procedure version, else (older dossiers) the current one.
        var schema = dossier.ProcedureVersionId is { } versionId
            ? await db.ProcedureVersions.AsNoTracking().Where(v => v.Id == versionId).Select(v => v.FormSchema).SingleAsync(cancellationToken)
            : await db.Procedures.AsNoTracking().Where(p => p.Id == dossier.ProcedureId).Select(p => p.FormSchema).SingleAsync(cancellationToken);
        var data = FormValues.Parse(dossier.FormData);
        var fields = schema.Where(f => data.ContainsKey(f.Name)).Select(f => new FieldValue(f.Label, data[f.Name]?.ToString() ?? string.Empty)).ToList();
        var now = clock.GetUtcNow();
        var soon = calendar.AddWorkingDays(now, 1);
        Deadline DeadlineOf(DateTimeOffset? due) => due < now ? Deadline.Overdue : due < soon ? Deadline.DueSoon : Deadline.OnTime;
        var own = access.IsOwnAgency(dossier);

        var instance = dossier.WorkflowInstanceId is { } instanceId ? await engine.GetAsync(instanceId, cancellationToken) : null;
        IReadOnlyList<AvailableAction> actions = instance is null ? [] : engine.ListAvailableActions(instance, actor, data);
        var openTasks = instance?.OpenTasks.Where(t => t.Role != Roles.Citizen && t.Agency == actor.Agency).ToList() ?? [];
        var assignable = openTasks.Where(t => TaskRules.CanAssign(t, actor)).ToList();
        var team = await colleagues.ForAsync(assignable.Select(t => new Colleagues.Place(t.Role, t.Agency, t.Department)).Distinct().ToList(), cancellationToken);
        var people = openTasks.Select(t => t.AssignedTo).Append(dossier.ResultReturnedBy?.ToString())
            .Select(id => Guid.TryParse(id, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id.ToString(), u => u.FullName, cancellationToken);
        var definition = instance is null ? null : definitions.Find(instance.DefinitionId, instance.DefinitionVersion);
        var tasks = openTasks.Select(task =>
        {
            var mates = TaskRules.CanAssign(task, actor) ? team.GetValueOrDefault(new Colleagues.Place(task.Role, task.Agency, task.Department)) ?? [] : [];
            return new OpenTask(task.Id, definition?.FindStep(task.StepId)?.Name ?? task.StepId,
                task.AssignedTo is { } assigned ? names.GetValueOrDefault(assigned) : null, task.DueAt, DeadlineOf(task.DueAt),
                TaskRules.CanClaim(task, actor, instance!), mates.Count > 0, mates);
        }).ToList();

        var departmentNames = new Dictionary<string, string>();
        var offered = actions.SelectMany(a => a.DepartmentChoices).Distinct().ToList();
        if (instance is not null && offered.Count > 0)
        {
            // The choices are departments of the agency the next step belongs to (this dossier's steps stay within one agency).
            var agencyCodes = instance.OpenTasks.Select(t => t.Agency).Append(instance.ReceivingAgency).Distinct().ToList();
            departmentNames = (await (from d in db.Departments
                                      join a in db.Agencies on d.AgencyId equals a.Id
                                      where agencyCodes.Contains(a.Code) && offered.Contains(d.Code)
                                      select new { d.Code, d.Name }).ToListAsync(cancellationToken))
                .DistinctBy(d => d.Code).ToDictionary(d => d.Code, d => d.Name);
        }

        return new Page(dossier, view, applicant, fields, actions, tasks,
            dossier.IsClosed || view.DueAt is null ? null : DeadlineOf(view.DueAt),
            dossier.ResultReturnedBy is { } by ? names.GetValueOrDefault(by.ToString()) : null,
            !dossier.IsClosed && dossier.ReceivedAt is not null && own, departmentNames, !own, instance?.Version ?? 0)
        {
            Signatures = await remoteSignatures.ForDossierAsync(dossier.Id, Guid.TryParse(actor.UserId, out var me) ? me : null, cancellationToken),
        };
    }
}

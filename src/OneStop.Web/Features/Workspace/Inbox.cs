using Microsoft.EntityFrameworkCore;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Data;
using OneStop.Workflows.Calendar;
using OneStop.Workflows.Runtime;
using OneStop.Workflows.Runtime.Definitions;

namespace OneStop.Web.Features.Workspace;

/// <summary>The tasks an official may act on: assigned to them, or open to their role in their department (claimable).</summary>
public sealed class Inbox(OneStopDbContext db, IWorkflowDefinitionRegistry definitions, WorkingCalendar calendar, TimeProvider clock)
{
    public const int PageSize = 25;

    public enum Deadline { OnTime, DueSoon, Overdue }

    /// <summary>What the official asked for; every part is optional.</summary>
    public sealed record Query
    {
        public string? Q { get; init; }
        public string? Filter { get; init; }
        public string? Procedure { get; init; }
        public string? Step { get; init; }
        public DossierStatus? Status { get; init; }
        public SubmissionChannel? Channel { get; init; }
        public DateOnly? From { get; init; }
        public DateOnly? To { get; init; }
        public bool Descending { get; init; }
        public int Page { get; init; } = 1;
    }

    public sealed record Item(Guid DossierId, Guid TaskId, string Code, string Procedure, string Step, string Applicant, DateTimeOffset? SubmittedAt,
        DateTimeOffset? DueAt, Deadline Deadline, bool AssignedToMe, bool Claimable, DossierStatus Status, SubmissionChannel Channel);

    public sealed record Choice(string Value, string Label);

    public sealed record Result(IReadOnlyList<Item> Items, int Total, int Overdue, int DueSoon, int Mine, int Page)
    {
        public int Unassigned { get; init; }

        public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

        public IReadOnlyList<Choice> Procedures { get; init; } = [];

        public IReadOnlyList<Choice> Steps { get; init; } = [];
    }

    public async Task<Result> ListAsync(WorkflowActor actor, Query query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var soon = calendar.AddWorkingDays(now, 1);
        var tasks = db.WorkflowTasks.AsNoTracking().Where(t => t.AssignedTo == actor.UserId
            || (t.AssignedTo == null && t.Role == actor.Role && t.Agency == actor.Agency && t.Department == actor.Department));
        var all = from t in tasks
                  join d in db.Dossiers on t.DossierId equals d.Code
                  join p in db.Procedures on d.ProcedureId equals p.Id
                  select new { t, d, p };

        // The choices the filters offer come from the official's own tasks: their steps (with the workflow version that names them)
        // and the procedures served by those workflows. Neither needs the dossiers, so a department with thousands of open tasks
        // does not pay thousands of dossier look-ups for them (see docs/PERFORMANCE.md, inbox).
        var stepOptions = await (from t in tasks
                                 join i in db.WorkflowInstances on t.InstanceId equals i.Id
                                 select new { t.StepId, i.DefinitionId, i.DefinitionVersion }).Distinct().Take(500).ToListAsync(cancellationToken);
        var workflowIds = stepOptions.Select(o => o.DefinitionId).Distinct().ToList();
        var procedureOptions = await db.Procedures.AsNoTracking().Where(p => workflowIds.Contains(p.WorkflowId))
            .Select(p => new Choice(p.Code, p.Name)).ToListAsync(cancellationToken);
        var dossierFilters = !string.IsNullOrWhiteSpace(query.Q) || query.Procedure is { Length: > 0 } || query.Status is not null
            || query.Channel is not null || query.From is not null || query.To is not null;
        var filtered = all;
        foreach (var word in (query.Q ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(6))
        {
            var pattern = SearchText.Contains(word);
            filtered = filtered.Where(x => EF.Functions.ILike(x.d.Code!, pattern)
                || EF.Functions.Like(SearchText.Normalize(x.d.Applicant.FullName), SearchText.Normalize(pattern)));
        }

        if (query.Procedure is { Length: > 0 } procedure)
        {
            filtered = filtered.Where(x => x.p.Code == procedure);
        }

        if (query.Step is { Length: > 0 } step)
        {
            filtered = filtered.Where(x => x.t.StepId == step);
            tasks = tasks.Where(t => t.StepId == step);
        }

        if (query.Status is { } status)
        {
            filtered = filtered.Where(x => x.d.Status == status);
        }

        if (query.Channel is { } channel)
        {
            filtered = filtered.Where(x => x.d.Channel == channel);
        }

        if (query.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), WorkingCalendar.VietnamOffset);
            filtered = filtered.Where(x => x.d.SubmittedAt >= start);
        }

        if (query.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), WorkingCalendar.VietnamOffset);
            filtered = filtered.Where(x => x.d.SubmittedAt < end);
        }

        // Counts per state, in one round trip, over everything but the state filter itself; from the tasks alone when no filter
        // looks at the dossier (every open task has its dossier).
        var countable = dossierFilters ? filtered.Select(x => x.t) : tasks;
        var counts = await countable.GroupBy(_ => 1).Select(g => new
        {
            Total = g.Count(),
            Overdue = g.Count(t => t.DueAt < now),
            Soon = g.Count(t => t.DueAt >= now && t.DueAt < soon),
            Mine = g.Count(t => t.AssignedTo == actor.UserId),
            Unassigned = g.Count(t => t.AssignedTo == null),
        }).SingleOrDefaultAsync(cancellationToken);
        filtered = query.Filter switch
        {
            "overdue" => filtered.Where(x => x.t.DueAt < now),
            "soon" => filtered.Where(x => x.t.DueAt >= now && x.t.DueAt < soon),
            "mine" => filtered.Where(x => x.t.AssignedTo == actor.UserId),
            "unassigned" => filtered.Where(x => x.t.AssignedTo == null),
            _ => filtered,
        };
        var total = query.Filter switch
        {
            "overdue" => counts?.Overdue,
            "soon" => counts?.Soon,
            "mine" => counts?.Mine,
            "unassigned" => counts?.Unassigned,
            _ => counts?.Total,
        } ?? 0;
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        var pageNumber = Math.Clamp(query.Page, 1, pages);
        // Ordered by the task's own columns (its dossier id is the dossier's code), so the database sorts the tasks and looks up
        // only the dossiers of the page.
        var ordered = query.Descending
            ? filtered.OrderByDescending(x => x.t.DueAt).ThenByDescending(x => x.t.DossierId)
            : filtered.OrderBy(x => x.t.DueAt).ThenBy(x => x.t.DossierId);
        if (!dossierFilters)
        {
            // PostgreSQL would join every task of the department to its dossier before sorting; pick the page's tasks from the tasks
            // alone first, then look up only their dossiers.
            var pageTasks = tasks.Where(t => query.Filter != "overdue" || t.DueAt < now)
                .Where(t => query.Filter != "soon" || (t.DueAt >= now && t.DueAt < soon))
                .Where(t => query.Filter != "mine" || t.AssignedTo == actor.UserId)
                .Where(t => query.Filter != "unassigned" || t.AssignedTo == null);
            var pageIds = await (query.Descending
                    ? pageTasks.OrderByDescending(t => t.DueAt).ThenByDescending(t => t.DossierId)
                    : pageTasks.OrderBy(t => t.DueAt).ThenBy(t => t.DossierId))
                .Skip((pageNumber - 1) * PageSize).Take(PageSize).Select(t => t.Id).ToListAsync(cancellationToken);
            ordered = query.Descending
                ? all.Where(x => pageIds.Contains(x.t.Id)).OrderByDescending(x => x.t.DueAt).ThenByDescending(x => x.t.DossierId)
                : all.Where(x => pageIds.Contains(x.t.Id)).OrderBy(x => x.t.DueAt).ThenBy(x => x.t.DossierId);
        }

        var rows = await ordered.Skip(dossierFilters ? (pageNumber - 1) * PageSize : 0).Take(PageSize)   // else the page is already cut
            .Select(x => new { x.d.Id, TaskId = x.t.Id, x.d.Code, Procedure = x.p.Name, x.t.StepId, x.t.InstanceId, x.d.Applicant.FullName,
                x.d.SubmittedAt, x.t.DueAt, x.t.AssignedTo, x.d.Status, x.d.Channel })
            .ToListAsync(cancellationToken);
        var instanceIds = rows.Select(r => r.InstanceId).Distinct().ToList();
        var versions = await db.WorkflowInstances.AsNoTracking().Where(i => instanceIds.Contains(i.Id))
            .Select(i => new { i.Id, i.DefinitionId, i.DefinitionVersion }).ToDictionaryAsync(i => i.Id, cancellationToken);
        string StepName(Guid instance, string stepId) => versions.TryGetValue(instance, out var v)
            ? definitions.Find(v.DefinitionId, v.DefinitionVersion)?.FindStep(stepId)?.Name ?? stepId
            : stepId;

        var items = rows.Select(r => new Item(r.Id, r.TaskId, r.Code!, r.Procedure, StepName(r.InstanceId, r.StepId), r.FullName, r.SubmittedAt, r.DueAt,
            r.DueAt < now ? Deadline.Overdue : r.DueAt < soon ? Deadline.DueSoon : Deadline.OnTime,
            r.AssignedTo == actor.UserId, r.AssignedTo is null, r.Status, r.Channel)).ToList();
        return new Result(items, total, counts?.Overdue ?? 0, counts?.Soon ?? 0, counts?.Mine ?? 0, pageNumber)
        {
            Unassigned = counts?.Unassigned ?? 0,
            Procedures = procedureOptions.DistinctBy(o => o.Value).OrderBy(o => o.Label).ToList(),
            Steps = stepOptions.Select(o => new Choice(o.StepId, definitions.Find(o.DefinitionId, o.DefinitionVersion)?.FindStep(o.StepId)?.Name ?? o.StepId))
                .DistinctBy(c => c.Value).OrderBy(c => c.Label).ToList(),
        };
    }
}

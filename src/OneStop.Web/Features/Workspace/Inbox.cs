using Microsoft.EntityFrameworkCore;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Workflows.Entities;
using OneStop.Workflows.Calendar;
using OneStop.Workflows.Definitions;
using OneStop.Workflows.Runtime;
using OneStop.Workflows.Runtime.Definitions;
using OneStop.Core.Common;

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

    /// <summary>The names of the official's agency and department, for the inbox's heading.</summary>
    public async Task<(string Agency, string Department)> PlaceAsync(Guid? agencyId, Guid? departmentId, CancellationToken cancellationToken) =>
        (await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.Name).SingleOrDefaultAsync(cancellationToken) ?? string.Empty,
         await db.Departments.Where(d => d.Id == departmentId).Select(d => d.Name).SingleOrDefaultAsync(cancellationToken) ?? string.Empty);

    public async Task<Result> ListAsync(WorkflowActor actor, Query query, CancellationToken cancellationToken)
    {
        // Six short queries on one connection: taken from the pool (and reset) once, not once per query.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await ListOnOpenConnectionAsync(actor, query, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<Result> ListOnOpenConnectionAsync(WorkflowActor actor, Query query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var soon = calendar.AddWorkingDays(now, 1);
        // The official's tasks are two disjoint ranges, each held by an index of its own in the inbox's order (due date, then
        // dossier) with every column read here: those assigned to them, and the claimable ones of their role and department. Each
        // task carries a copy of its dossier's procedure, submission date, channel, status and searchable code and name (kept by the
        // database, see WorkflowTaskRecord), so counts, filters, choices and the page read those two indexes only; then the page's
        // 25 dossiers are looked up. A department with thousands of open tasks never pays thousands of dossier look-ups
        // (docs/PERFORMANCE.md, inbox).
        var mine = db.WorkflowTasks.AsNoTracking().Where(t => t.AssignedTo == actor.UserId);
        var claimable = db.WorkflowTasks.AsNoTracking()
            .Where(t => t.AssignedTo == null && t.Role == actor.Role && t.Agency == actor.Agency && t.Department == actor.Department);

        // The choices the filters offer come from the official's own tasks: their steps and their dossiers' procedures.
        var choices = await mine.Select(t => new { t.StepId, t.ProcedureId }).Concat(claimable.Select(t => new { t.StepId, t.ProcedureId }))
            .Distinct().Take(500).ToListAsync(cancellationToken);
        var procedureIds = choices.Where(c => c.ProcedureId != null).Select(c => c.ProcedureId!.Value).Distinct().ToList();
        var procedures = await db.Procedures.AsNoTracking().Where(p => procedureIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Code, p.Name, p.WorkflowId }).ToListAsync(cancellationToken);
        var procedureFilter = query.Procedure is { Length: > 0 } code
            ? await db.Procedures.AsNoTracking().Where(p => p.Code == code).Select(p => (Guid?)p.Id).ToListAsync(cancellationToken)
            : null;

        // Every filter but the state (all, overdue, due soon, mine, unassigned); with the state when asked (mine and unassigned
        // are the ranges themselves).
        IQueryable<WorkflowTaskRecord> Filtered(IQueryable<WorkflowTaskRecord> tasks, bool state)
        {
            foreach (var word in (query.Q ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(6))
            {
                var pattern = SearchText.Contains(word);
                tasks = tasks.Where(t => EF.Functions.Like(t.SearchText!, SearchText.Normalize(pattern)));
            }

            if (procedureFilter is not null)
            {
                tasks = tasks.Where(t => procedureFilter.Contains(t.ProcedureId));
            }

            if (query.Step is { Length: > 0 } step)
            {
                tasks = tasks.Where(t => t.StepId == step);
            }

            if (query.Status is { } status)
            {
                tasks = tasks.Where(t => t.DossierStatus == status);
            }

            if (query.Channel is { } channel)
            {
                tasks = tasks.Where(t => t.Channel == channel);
            }

            if (query.From is { } from)
            {
                var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), VietnamTime.Offset);
                tasks = tasks.Where(t => t.SubmittedAt >= start);
            }

            if (query.To is { } to)
            {
                var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), VietnamTime.Offset);
                tasks = tasks.Where(t => t.SubmittedAt < end);
            }

            return (state ? query.Filter : null) switch
            {
                "overdue" => tasks.Where(t => t.DueAt < now),
                "soon" => tasks.Where(t => t.DueAt >= now && t.DueAt < soon),
                _ => tasks,
            };
        }

        // Counts per state, in one round trip, over everything but the state filter itself.
        var counts = await Filtered(mine, state: false).Concat(Filtered(claimable, state: false)).GroupBy(_ => 1).Select(g => new
        {
            Total = g.Count(),
            Overdue = g.Count(t => t.DueAt < now),
            Soon = g.Count(t => t.DueAt >= now && t.DueAt < soon),
            Mine = g.Count(t => t.AssignedTo == actor.UserId),
            Unassigned = g.Count(t => t.AssignedTo == null),
        }).SingleOrDefaultAsync(cancellationToken);
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

        // The page: each range gives its first (skip + 25) tasks in order straight from its index, the database merges the two
        // and cuts the page; then only its dossiers are looked up.
        var skip = (pageNumber - 1) * PageSize;
        IQueryable<WorkflowTaskRecord> Ordered(IQueryable<WorkflowTaskRecord> tasks) => query.Descending
            ? tasks.OrderByDescending(t => t.DueAt).ThenByDescending(t => t.DossierCode)
            : tasks.OrderBy(t => t.DueAt).ThenBy(t => t.DossierCode);
        var window = query.Filter switch
        {
            "mine" => Ordered(Filtered(mine, state: true)).Take(skip + PageSize),
            "unassigned" => Ordered(Filtered(claimable, state: true)).Take(skip + PageSize),
            _ => Ordered(Filtered(mine, state: true)).Take(skip + PageSize).Concat(Ordered(Filtered(claimable, state: true)).Take(skip + PageSize)),
        };
        var page = await Ordered(window).Skip(skip).Take(PageSize)
            .Select(t => new { t.Id, t.DossierCode, t.StepId, t.InstanceId, t.DueAt, t.AssignedTo }).ToListAsync(cancellationToken);
        var codes = page.Select(t => t.DossierCode).ToList();
        var dossiers = await (from d in db.Dossiers.AsNoTracking()
                              join p in db.Procedures on d.ProcedureId equals p.Id
                              where codes.Contains(d.Code!)
                              select new { d.Id, d.Code, Procedure = p.Name, d.Applicant.FullName, d.SubmittedAt, d.Status, d.Channel })
            .ToDictionaryAsync(d => d.Code!, cancellationToken);
        var instanceIds = page.Select(r => r.InstanceId).Distinct().ToList();
        var versions = await db.WorkflowInstances.AsNoTracking().Where(i => instanceIds.Contains(i.Id))
            .Select(i => new { i.Id, i.DefinitionId, i.DefinitionVersion }).ToDictionaryAsync(i => i.Id, cancellationToken);
        string StepName(Guid instance, string stepId) => versions.TryGetValue(instance, out var v)
            ? definitions.Find(v.DefinitionId, v.DefinitionVersion)?.FindStep(stepId)?.Name ?? stepId
            : stepId;

        // Every open task has its dossier; one deleted meanwhile simply drops out of the page.
        var items = page.Where(t => dossiers.ContainsKey(t.DossierCode)).Select(t =>
        {
            var d = dossiers[t.DossierCode];
            return new Item(d.Id, t.Id, d.Code!, d.Procedure, StepName(t.InstanceId, t.StepId), d.FullName, d.SubmittedAt, t.DueAt,
                t.DueAt < now ? Deadline.Overdue : t.DueAt < soon ? Deadline.DueSoon : Deadline.OnTime,
                t.AssignedTo == actor.UserId, t.AssignedTo is null, d.Status, d.Channel);
        }).ToList();
        var workflows = procedures.ToDictionary(p => p.Id, p => p.WorkflowId);
        var published = definitions.All.OrderByDescending(d => d.Version).ToList();
        return new Result(items, total, counts?.Overdue ?? 0, counts?.Soon ?? 0, counts?.Mine ?? 0, pageNumber)
        {
            Unassigned = counts?.Unassigned ?? 0,
            Procedures = procedures.Select(p => new Choice(p.Code, p.Name)).DistinctBy(o => o.Value).OrderBy(o => o.Label).ToList(),
            Steps = choices.Select(c => new Choice(c.StepId, StepLabel(published, c.StepId, c.ProcedureId is { } id ? workflows.GetValueOrDefault(id) : null)))
                .DistinctBy(c => c.Value).OrderBy(c => c.Label).ToList(),
        };
    }

    /// <summary>
    /// A step's name for the filter: from the latest published version of the procedure's workflow that has the step, else from any
    /// published workflow that has it (a procedure moved to another workflow keeps its older dossiers), else its id.
    /// </summary>
    private static string StepLabel(List<WorkflowDefinition> published, string stepId, string? workflowId) =>
        published.Where(d => d.Id == workflowId).Select(d => d.FindStep(stepId)?.Name).FirstOrDefault(n => n is not null)
        ?? published.Select(d => d.FindStep(stepId)?.Name).FirstOrDefault(n => n is not null)
        ?? stepId;
}

using Microsoft.EntityFrameworkCore;
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

    public sealed record Item(Guid DossierId, string Code, string Procedure, string Step, string Applicant, DateTimeOffset? SubmittedAt,
        DateTimeOffset? DueAt, Deadline Deadline, bool AssignedToMe, bool Claimable);

    public sealed record Result(IReadOnlyList<Item> Items, int Total, int Overdue, int DueSoon, int Mine, int Page);

    public async Task<Result> ListAsync(WorkflowActor actor, string? q, string? filter, int page, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var soon = calendar.AddWorkingDays(now, 1);
        var tasks = db.WorkflowTasks.AsNoTracking().Where(t => t.AssignedTo == actor.UserId
            || (t.AssignedTo == null && t.Role == actor.Role && t.Agency == actor.Agency && t.Department == actor.Department));
        var query = from t in tasks
                    join d in db.Dossiers on t.DossierId equals d.Code
                    join p in db.Procedures on d.ProcedureId equals p.Id
                    join i in db.WorkflowInstances on t.InstanceId equals i.Id
                    select new { t, d, p, i };
        foreach (var word in (q ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(6))
        {
            var pattern = SearchText.Contains(word);
            query = query.Where(x => EF.Functions.ILike(x.d.Code!, pattern)
                || EF.Functions.Like(SearchText.Normalize(x.d.Applicant.FullName), SearchText.Normalize(pattern)));
        }

        var overdue = await query.CountAsync(x => x.t.DueAt < now, cancellationToken);
        var dueSoon = await query.CountAsync(x => x.t.DueAt >= now && x.t.DueAt < soon, cancellationToken);
        var mine = await query.CountAsync(x => x.t.AssignedTo == actor.UserId, cancellationToken);
        query = filter switch
        {
            "overdue" => query.Where(x => x.t.DueAt < now),
            "soon" => query.Where(x => x.t.DueAt >= now && x.t.DueAt < soon),
            "mine" => query.Where(x => x.t.AssignedTo == actor.UserId),
            _ => query,
        };
        var total = await query.CountAsync(cancellationToken);
        var pageNumber = Math.Max(1, page);
        var rows = await query.OrderBy(x => x.t.DueAt).ThenBy(x => x.d.Code).Skip((pageNumber - 1) * PageSize).Take(PageSize)
            .Select(x => new { x.d.Id, x.d.Code, Procedure = x.p.Name, x.t.StepId, x.i.DefinitionId, x.i.DefinitionVersion, x.d.Applicant.FullName,
                x.d.SubmittedAt, x.t.DueAt, x.t.AssignedTo })
            .ToListAsync(cancellationToken);
        var items = rows.Select(r => new Item(r.Id, r.Code!, r.Procedure,
            definitions.Find(r.DefinitionId, r.DefinitionVersion)?.FindStep(r.StepId)?.Name ?? r.StepId, r.FullName, r.SubmittedAt, r.DueAt,
            r.DueAt < now ? Deadline.Overdue : r.DueAt < soon ? Deadline.DueSoon : Deadline.OnTime,
            r.AssignedTo == actor.UserId, r.AssignedTo is null)).ToList();
        return new Result(items, total, overdue, dueSoon, mine, pageNumber);
    }
}

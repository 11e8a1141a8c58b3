using Microsoft.EntityFrameworkCore;
using OneStop.Core.Identity;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Officials;
using OneStop.Workflows.Runtime;

namespace OneStop.Web.Features.Admin.Officials;

/// <summary>Tasks still held by a deactivated or moved official: the department sees them, the agency's leaders give them to a colleague.</summary>
public sealed class ReassignmentQueue(OneStopDbContext db)
{
    /// <summary>Open flags for the official's department (for a leader: the whole agency).</summary>
    public Task<List<TaskReassignment>> ListAsync(WorkflowActor actor, CancellationToken cancellationToken)
    {
        var flags = db.TaskReassignments.AsNoTracking().Where(f => f.Agency == actor.Agency
            && db.WorkflowTasks.Any(t => t.Id == f.TaskId && t.AssignedTo == f.FormerAssignee));
        if (actor.Role != Roles.Leader)
        {
            flags = flags.Where(f => f.Department == actor.Department);
        }

        return flags.OrderBy(f => f.FlaggedAt).Take(200).ToListAsync(cancellationToken);
    }
}

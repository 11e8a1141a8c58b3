using Microsoft.EntityFrameworkCore;
using OneStop.Application.Common;
using OneStop.Application.Officials;
using OneStop.Infrastructure.Data;
using OneStop.Workflows.Runtime;

namespace OneStop.Application.Workspace;

public sealed record ClaimTaskCommand(Guid TaskId);

/// <summary>The official takes an unassigned task of their role and department (from the inbox or the dossier page).</summary>
public sealed class ClaimTask(OneStopDbContext db, OfficialContext officials, IWorkflowEngine engine, IUnitOfWork unitOfWork)
    : UseCase<ClaimTaskCommand, ActionDone>(unitOfWork)
{
    protected override async Task<ActionDone> RunAsync(ClaimTaskCommand command, CancellationToken cancellationToken)
    {
        var actor = await officials.RequireAsync(cancellationToken);
        var task = await db.WorkflowTasks.AsNoTracking().Where(t => t.Id == command.TaskId).Select(t => new { t.InstanceId, t.DossierCode })
                       .SingleOrDefaultAsync(cancellationToken)
                   ?? throw TaskErrors.Closed();
        await engine.ClaimAsync(task.InstanceId, command.TaskId, actor, cancellationToken);
        return new ActionDone(task.DossierCode, "Bạn đã nhận xử lý công việc này.");
    }
}

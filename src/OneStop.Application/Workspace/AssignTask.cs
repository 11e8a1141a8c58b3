using Microsoft.EntityFrameworkCore;
using OneStop.Application.Common;
using OneStop.Application.Officials;
using OneStop.Core.Common;
using OneStop.Infrastructure.Data;
using OneStop.Workflows.Runtime;

namespace OneStop.Application.Workspace;

public sealed record AssignTaskCommand(Guid TaskId, Guid AssigneeId);

/// <summary>Gives an open task to a colleague of its department; who may assign is the engine's rule (its assignee, or a leader of the agency).</summary>
public sealed class AssignTask(OneStopDbContext db, OfficialContext officials, IWorkflowEngine engine, Colleagues colleagues, IUnitOfWork unitOfWork)
    : UseCase<AssignTaskCommand, ActionDone>(unitOfWork)
{
    protected override async Task<ActionDone> RunAsync(AssignTaskCommand command, CancellationToken cancellationToken)
    {
        var actor = await officials.RequireAsync(cancellationToken);
        var row = await db.WorkflowTasks.AsNoTracking().Where(t => t.Id == command.TaskId).Select(t => new { t.InstanceId, t.DossierCode })
                      .SingleOrDefaultAsync(cancellationToken)
                  ?? throw TaskErrors.Closed();
        var task = (await engine.GetAsync(row.InstanceId, cancellationToken))?.FindTask(command.TaskId)
            ?? throw TaskErrors.Closed();
        var colleague = (await colleagues.OfAsync(new Colleagues.Place(task.Role, task.Agency, task.Department), cancellationToken))
            .FirstOrDefault(c => c.Id == command.AssigneeId);
        if (colleague is null)
        {
            throw new DomainException("task.assignee_invalid", "Chỉ phân công cho cán bộ cùng bộ phận, đúng vai trò xử lý bước này.");
        }

        await engine.AssignAsync(row.InstanceId, command.TaskId, colleague.Id.ToString(), actor, cancellationToken);
        return new ActionDone(row.DossierCode, $"Đã phân công cho {colleague.FullName}.");
    }
}

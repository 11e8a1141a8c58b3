using OneStop.Workflows.Definitions;
using OneStop.Workflows.Runtime.Errors;
using OneStop.Workflows.Runtime.State;

namespace OneStop.Workflows.Runtime.Engine;

/// <summary>Moves an instance's open tasks and join arrivals onto another definition version.</summary>
internal static class Migrator
{
    public static void Migrate(Transition t, WorkflowDefinition target, MigrateInstanceRequest request)
    {
        var i = t.Instance;
        if (request.Actor.Role != WorkflowRoles.Admin)
            throw new ActionNotAllowedException("not-admin", "Only an administrator may migrate instances.", "Chỉ quản trị viên được chuyển phiên bản quy trình.");
        if (i.Status == InstanceStatus.Ended)
            throw new WorkflowMigrationException("An ended instance cannot be migrated.", "Hồ sơ đã kết thúc, không thể chuyển phiên bản.");

        string Map(string step) => request.StepMapping.TryGetValue(step, out var mapped) ? mapped : step;
        foreach (var task in i.TaskList)
        {
            var newId = Map(task.StepId);
            var step = target.FindStep(newId);
            if (step is null || step.Kind != t.Definition.GetStep(task.StepId).Kind)
            {
                throw new WorkflowMigrationException($"Step '{task.StepId}' maps to '{newId}', which is not a step of the same kind in v{target.Version}.",
                    $"Bước '{task.StepId}' không có bước tương ứng cùng loại ở phiên bản {target.Version}.");
            }

            if (step.Assignee is { } a && (a.Role != task.Role || a.Department != task.Department || (a.Agency ?? i.ReceivingAgency) != task.Agency))
            {
                task.Role = a.Role;
                task.Department = a.Department;
                task.Agency = a.Agency ?? i.ReceivingAgency;
                task.AssignedTo = null;
            }

            task.StepId = newId;
            task.Split = task.Split is null ? null : Map(task.Split);
            task.Branch = task.Branch is null ? null : Map(task.Branch);
        }

        foreach (var join in i.ArrivalMap.Keys.ToList())
        {
            var arrived = i.ArrivalMap[join];
            i.ArrivalMap.Remove(join);
            i.ArrivalMap[Map(join)] = [.. arrived.Select(Map)];
        }

        var from = i.DefinitionVersion;
        i.DefinitionVersion = target.Version;
        t.Definition = target;
        t.Journal(new JournalEntry
        {
            Kind = JournalKind.Migrated, ActorId = request.Actor.UserId, ActorRole = request.Actor.Role, ActorAddress = request.Actor.Address,
            Comment = $"v{from} → v{target.Version}" + (request.Comment is null ? "" : ": " + request.Comment),
        });
    }
}

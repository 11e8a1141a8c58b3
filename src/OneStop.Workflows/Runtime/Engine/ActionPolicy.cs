using OneStop.Workflows.Definitions;
using OneStop.Workflows.Runtime.State;

namespace OneStop.Workflows.Runtime.Engine;

/// <summary>Who may act on which task, and which actions they see now.</summary>
internal static class ActionPolicy
{
    public static bool IsEligible(WorkflowTask task, WorkflowActor actor, WorkflowInstance instance)
    {
        if (task.Role == WorkflowRoles.Citizen)
        {
            return (instance.ApplicantId is not null && actor.UserId == instance.ApplicantId)
                || (actor.Role == WorkflowRoles.Reception && actor.Agency == task.Agency);
        }

        return actor.Role == task.Role && actor.Agency == task.Agency && actor.Department == task.Department;
    }

    public static bool CanAct(WorkflowTask task, WorkflowActor actor, WorkflowInstance instance)
    {
        if (task.Role != WorkflowRoles.Citizen && task.AssignedTo is not null)
            return task.AssignedTo == actor.UserId;
        return IsEligible(task, actor, instance);
    }

    public static bool CanAssign(WorkflowTask task, WorkflowActor actor) =>
        task.AssignedTo == actor.UserId
        || (actor.Role is WorkflowRoles.Leader or WorkflowRoles.Admin && actor.Agency == task.Agency);

    /// <summary>The target step's own department first, then the other departments the action lets the official choose.</summary>
    public static IReadOnlyList<string> DepartmentChoices(WorkflowDefinition definition, ActionDefinition action)
    {
        if (action.ChooseDepartment.Count == 0 || action.Target is null || definition.FindStep(action.Target)?.Assignee is not { } assignee)
            return [];
        return [.. new[] { assignee.Department }.Concat(action.ChooseDepartment).Distinct(StringComparer.Ordinal)];
    }

    public static IReadOnlyList<AvailableAction> List(WorkflowInstance instance, WorkflowDefinition definition, WorkflowActor actor,
        IReadOnlyDictionary<string, object?> formData)
    {
        if (instance.Status == InstanceStatus.Ended)
            return [];
        var result = new List<AvailableAction>();
        foreach (var task in instance.OpenTasks.Where(t => CanAct(t, actor, instance)))
        {
            var step = definition.GetStep(task.StepId);
            foreach (var action in step.Actions.Where(a => ConditionEvaluator.IsTrue(a.Condition, definition, formData, instance.Fields)))
            {
                result.Add(new AvailableAction(task.Id, step.Id, step.Name, action.Id, action.Label, action.RequiresComment,
                    action.RequiresFile, action.Issues, task.AssignedTo == actor.UserId)
                {
                    DepartmentChoices = DepartmentChoices(definition, action),
                });
            }
        }

        return result;
    }
}

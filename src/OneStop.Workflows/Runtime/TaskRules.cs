using OneStop.Workflows.Definitions;
using OneStop.Workflows.Runtime.Engine;
using OneStop.Workflows.Runtime.State;

namespace OneStop.Workflows.Runtime;

/// <summary>The engine's own rules about tasks, for hosts that show what a person may do before they try it.</summary>
public static class TaskRules
{
    /// <summary>Whether the actor may take the unassigned task (their role, agency and department).</summary>
    public static bool CanClaim(WorkflowTask task, WorkflowActor actor, WorkflowInstance instance)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.AssignedTo is null && task.Role != WorkflowRoles.Citizen && ActionPolicy.IsEligible(task, actor, instance);
    }

    /// <summary>Whether the actor may give the task to someone (its assignee, or a leader of its agency).</summary>
    public static bool CanAssign(WorkflowTask task, WorkflowActor actor)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.Role != WorkflowRoles.Citizen && ActionPolicy.CanAssign(task, actor);
    }
}

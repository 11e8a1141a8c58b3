using System.Text;
using OneStop.Workflows.Definitions;
using OneStop.Workflows.Runtime.Errors;
using OneStop.Workflows.Runtime.State;

namespace OneStop.Workflows.Runtime.Engine;

/// <summary>Checks and applies one action on a task.</summary>
internal static class ActionRunner
{
    public static void Perform(Transition t, PerformActionRequest request)
    {
        var i = t.Instance;
        var task = i.FindTask(request.TaskId) ?? throw new WorkflowConflictException(
            $"Task {request.TaskId} is no longer open.", "Công việc này đã được xử lý hoặc không còn mở. Vui lòng tải lại.");
        if (!ActionPolicy.CanAct(task, request.Actor, i))
        {
            throw new ActionNotAllowedException("not-assignee", $"User {request.Actor.UserId} may not act on task {task.Id}.",
                "Bạn không có quyền xử lý công việc này.");
        }

        var step = t.Definition.GetStep(task.StepId);
        var action = step.Actions.Find(a => a.Id == request.ActionId)
            ?? throw new ActionNotAllowedException("unknown-action", $"Step '{step.Id}' has no action '{request.ActionId}'.",
                $"Thao tác '{request.ActionId}' không có ở bước '{step.Name}'.");
        if (!ConditionEvaluator.IsTrue(action.Condition, t.Definition, request.FormData, i.Fields))
        {
            throw new ActionNotAllowedException("condition", $"The condition of action '{action.Id}' does not hold.",
                $"Hồ sơ không thỏa điều kiện để thực hiện '{action.Label}'.");
        }

        var comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim().Normalize(NormalizationForm.FormC);
        if (action.RequiresComment && comment is null)
            throw new ActionNotAllowedException("comment-required", $"Action '{action.Id}' requires a comment.", $"Thao tác '{action.Label}' cần có ý kiến/lý do.");
        if (action.RequiresFile && request.Files.Count == 0)
            throw new ActionNotAllowedException("file-required", $"Action '{action.Id}' requires a file.", $"Thao tác '{action.Label}' cần đính kèm tệp.");

        var department = string.IsNullOrWhiteSpace(request.Department) ? null : request.Department.Trim();
        if (department is not null)
        {
            var choices = ActionPolicy.DepartmentChoices(t.Definition, action);
            if (!choices.Contains(department, StringComparer.Ordinal))
            {
                throw new ActionNotAllowedException("department-not-offered",
                    $"Action '{action.Id}' does not offer department '{department}'.",
                    choices.Count == 0
                        ? $"Thao tác '{action.Label}' không cho chọn phòng xử lý."
                        : $"Phòng '{department}' không thuộc các phòng được chọn cho thao tác '{action.Label}'.");
            }

            i.RoutedDepartmentMap[action.Target!] = department;
        }

        StepRunner.CloseTask(t, task);
        var documents = action.Issues.Concat(request.Documents).Distinct(StringComparer.Ordinal).ToList();
        t.Journal(new JournalEntry
        {
            Kind = JournalKind.ActionPerformed,
            ActorId = request.Actor.UserId,
            ActorRole = request.Actor.Role,
            ActorAddress = request.Actor.Address,
            TaskId = task.Id,
            FromStep = step.Id,
            ToStep = action.Target,
            ActionId = action.Id,
            ActionLabel = action.Label,
            Comment = comment,
            Department = department,
            Files = [.. request.Files.Select(f => f.Normalize(NormalizationForm.FormC))],
            Documents = documents,
        });
        foreach (var document in documents)
            t.Emit(t.Effect(EffectKind.IssueDocument) with { DocumentKind = document, Reason = action.Id, TaskId = task.Id });

        if (step.Kind == StepKind.Supplement && !i.OpenTasks.Any(x => x.Role == WorkflowRoles.Citizen))
        {
            i.Status = InstanceStatus.Running;
            SlaClock.Resume(t, step.Clock);
        }

        StepRunner.Enter(t, action.Target!, step.Id, task.Split, task.Branch);
    }

    public static void Claim(Transition t, Guid taskId, WorkflowActor actor)
    {
        var task = OpenTask(t, taskId);
        if (task.AssignedTo == actor.UserId)
            return;
        if (task.AssignedTo is not null)
            throw new WorkflowConflictException($"Task {taskId} is already assigned.", "Công việc đã được người khác nhận xử lý.");
        if (!ActionPolicy.IsEligible(task, actor, t.Instance))
            throw new ActionNotAllowedException("not-eligible", $"User {actor.UserId} may not claim task {taskId}.", "Bạn không thuộc bộ phận/vai trò xử lý công việc này.");
        task.AssignedTo = actor.UserId;
        t.Journal(new JournalEntry { Kind = JournalKind.TaskClaimed, ActorId = actor.UserId, ActorRole = actor.Role, ActorAddress = actor.Address, TaskId = taskId, FromStep = task.StepId });
    }

    public static void Assign(Transition t, Guid taskId, string assignee, WorkflowActor actor)
    {
        var task = OpenTask(t, taskId);
        if (task.Role == WorkflowRoles.Citizen || !ActionPolicy.CanAssign(task, actor))
            throw new ActionNotAllowedException("not-assigner", $"User {actor.UserId} may not assign task {taskId}.", "Bạn không có quyền phân công công việc này.");
        var previous = task.AssignedTo;
        task.AssignedTo = assignee;
        t.Journal(new JournalEntry
        {
            Kind = JournalKind.TaskAssigned, ActorId = actor.UserId, ActorRole = actor.Role, ActorAddress = actor.Address, TaskId = taskId, FromStep = task.StepId,
            Comment = previous is null ? $"→ {assignee}" : $"{previous} → {assignee}",
        });
        t.Emit(t.Effect(EffectKind.Notify) with { Reason = EffectReasons.TaskAssigned, TaskId = taskId, RecipientUserId = assignee });
    }

    private static WorkflowTask OpenTask(Transition t, Guid taskId) => t.Instance.FindTask(taskId)
        ?? throw new WorkflowConflictException($"Task {taskId} is no longer open.", "Công việc này không còn mở. Vui lòng tải lại.");
}

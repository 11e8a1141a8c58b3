using OneStop.Workflows.Definitions;
using OneStop.Workflows.Runtime.Errors;
using OneStop.Workflows.Runtime.State;

namespace OneStop.Workflows.Runtime.Engine;

/// <summary>Moves tokens through steps: creates tasks, splits and joins branches, runs automatic steps and ends.</summary>
internal static class StepRunner
{
    private const int MaxAutomaticHops = 64;

    public static void Enter(Transition t, string stepId, string? fromStep, string? split, string? branch, int depth = 0)
    {
        if (depth > MaxAutomaticHops)
        {
            throw new ActionNotAllowedException("loop", $"Workflow '{t.Definition.Id}' loops through automatic steps.",
                "Quy trình bị lặp vô hạn qua các bước tự động.");
        }

        var i = t.Instance;
        if (i.Status == InstanceStatus.Ended)
            return;
        var step = t.Definition.GetStep(stepId);
        if (step.Kind != StepKind.Join)
            t.Journal(new JournalEntry { Kind = JournalKind.StepEntered, FromStep = fromStep, ToStep = stepId });
        switch (step.Kind)
        {
            case StepKind.Task:
            case StepKind.Supplement:
                CreateTask(t, step, split, branch);
                break;
            case StepKind.Parallel:
                foreach (var b in step.Branches)
                    Enter(t, b, step.Id, step.Id, b, depth + 1);
                break;
            case StepKind.Join:
                Arrive(t, step, fromStep, split, branch, depth);
                break;
            case StepKind.Auto:
                AutoRunner.Run(t, step);
                Enter(t, step.Next!, step.Id, split, branch, depth + 1);
                break;
            case StepKind.End:
                End(t, step);
                break;
        }
    }

    public static void CloseTask(Transition t, WorkflowTask task)
    {
        t.Instance.TaskList.Remove(task);
        t.Instance.TimerList.RemoveAll(x => x.TaskId == task.Id);
    }

    private static void CreateTask(Transition t, StepDefinition step, string? split, string? branch)
    {
        var i = t.Instance;
        var supplement = step.Kind == StepKind.Supplement;
        var task = supplement
            ? new WorkflowTask(Guid.NewGuid(), step.Id, WorkflowRoles.Citizen, null, i.ReceivingAgency) { AssignedTo = i.ApplicantId }
            : new WorkflowTask(Guid.NewGuid(), step.Id, step.Assignee!.Role,
                i.RoutedDepartmentMap.GetValueOrDefault(step.Id) ?? step.Assignee.Department, step.Assignee.Agency ?? i.ReceivingAgency);
        task.CreatedAt = t.Now;
        task.Split = split;
        task.Branch = branch;
        i.TaskList.Add(task);
        if (supplement)
        {
            SlaClock.Pause(t);
            i.Status = InstanceStatus.WaitingForApplicant;
        }

        SlaClock.ScheduleTask(t, task, step);
        t.Emit(t.Effect(EffectKind.Notify) with
        {
            Reason = supplement ? EffectReasons.SupplementRequested : EffectReasons.TaskCreated,
            TaskId = task.Id,
            RecipientUserId = task.AssignedTo,
            RecipientRole = task.Role,
            RecipientAgency = task.Agency,
            RecipientDepartment = task.Department,
            Message = step.Name,
        });
    }

    private static void Arrive(Transition t, StepDefinition join, string? fromStep, string? split, string? branch, int depth)
    {
        var i = t.Instance;
        var parallel = t.Definition.Steps.First(s => s.Kind == StepKind.Parallel && s.JoinStep == join.Id);
        if (split != parallel.Id || branch is null)
        {
            Enter(t, join.Next!, join.Id, null, null, depth + 1);
            return;
        }

        if (!i.ArrivalMap.TryGetValue(join.Id, out var arrived))
            i.ArrivalMap[join.Id] = arrived = [];
        if (!arrived.Contains(branch))
            arrived.Add(branch);
        t.Journal(new JournalEntry { Kind = JournalKind.BranchJoined, FromStep = fromStep, ToStep = join.Id, Comment = branch });
        var done = parallel.Join == JoinMode.Any || parallel.Branches.All(arrived.Contains);
        if (!done)
            return;
        i.ArrivalMap.Remove(join.Id);
        foreach (var other in i.TaskList.Where(x => x.Split == parallel.Id).ToList())
        {
            CloseTask(t, other);
            t.Journal(new JournalEntry { Kind = JournalKind.TaskCancelled, TaskId = other.Id, FromStep = other.StepId, Comment = "join" });
        }

        Enter(t, join.Next!, join.Id, null, null, depth + 1);
    }

    private static void End(Transition t, StepDefinition step) =>
        Finish(t, step.Outcome ?? EndOutcome.Completed, step.Id, step.Name, "end");

    /// <summary>
    /// Ends the instance: every open task and timer goes, the outcome is journaled and the applicant is told. An end step calls it;
    /// so does a withdrawal in a definition without a withdrawn end step (then <paramref name="endStepId"/> is null).
    /// </summary>
    public static void Finish(Transition t, EndOutcome outcome, string? endStepId, string notice, string cancelledBecause)
    {
        var i = t.Instance;
        foreach (var task in i.TaskList.ToList())
        {
            CloseTask(t, task);
            t.Journal(new JournalEntry { Kind = JournalKind.TaskCancelled, TaskId = task.Id, FromStep = task.StepId, Comment = cancelledBecause });
        }

        i.TimerList.Clear();
        i.ArrivalMap.Clear();
        i.Status = InstanceStatus.Ended;
        i.Outcome = outcome;
        i.EndStepId = endStepId;
        i.EndedAt = t.Now;
        i.ClockPausedAt = null;
        i.RemainingWorkingTime = null;
        t.Journal(new JournalEntry { Kind = JournalKind.Ended, ToStep = endStepId, Comment = outcome.ToString() });
        t.Emit(t.Effect(EffectKind.Notify) with { Reason = EffectReasons.Ended, RecipientUserId = i.ApplicantId, Message = notice });
    }
}

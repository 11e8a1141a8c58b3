using OneStop.Workflows.Definitions;
using OneStop.Workflows.Runtime;
using OneStop.Workflows.Runtime.Errors;
using OneStop.Workflows.Runtime.State;
using OneStop.Workflows.Tests.Support;

namespace OneStop.Workflows.Tests.Runtime;

public class RandomisedRunTests
{
    public static TheoryData<string> SampleIds() => SampleWorkflowTests.SampleIds();

    [Theory]
    [MemberData(nameof(SampleIds))]
    public async Task RandomAllowedActions_KeepStateConsistent(string definitionId)
    {
        var ended = 0;
        for (var seed = 1; seed <= 30; seed++)
        {
            var random = new Random(seed);
            var h = new EngineHarness();
            var definition = h.Registry.FindLatest(definitionId)!;
            var form = new Dictionary<string, object?>
            {
                ["capital"] = random.Next(2) == 0 ? 300_000_000m : 3_000_000_000m,
                ["applicantType"] = random.Next(2) == 0 ? "individual" : "business",
                ["area"] = 120m,
            };
            var instance = await h.StartAsync(definitionId);
            var saves = 1L;
            for (var step = 0; step < 150 && instance.Status != InstanceStatus.Ended; step++)
            {
                saves += await RandomMoveAsync(h, instance, form, random);
                instance = (await h.Engine.GetAsync(instance.Id))!;
                CheckInvariants(instance, definition, saves, seed);
            }

            if (instance.Status == InstanceStatus.Ended)
            {
                ended++;
                var anyActor = new WorkflowActor("x", WorkflowRoles.Reception, instance.ReceivingAgency, "MOTCUA");
                Assert.Empty(await h.Engine.ListAvailableActionsAsync(instance.Id, anyActor, form));
                await Assert.ThrowsAsync<ActionNotAllowedException>(() => h.Engine.PerformAsync(new PerformActionRequest(instance.Id, Guid.NewGuid(), "accept", anyActor)));
            }
        }

        Assert.True(ended >= 10, $"only {ended} of 30 random runs of {definitionId} ended");
    }

    private static async Task<long> RandomMoveAsync(EngineHarness h, WorkflowInstance instance, Dictionary<string, object?> form, Random random)
    {
        if (random.Next(10) == 0)
        {
            h.Clock.Advance(TimeSpan.FromHours(random.Next(1, 40)));
            var saves = 0L;
            foreach (var timer in await h.Store.ListDueTimersAsync(h.Clock.Now, 100))
                saves += (await h.Engine.ProcessTimerAsync(timer.InstanceId, timer.TimerId)).Effects.Count > 0 ? 1 : 0;
            return saves;
        }

        var task = instance.OpenTasks[random.Next(instance.OpenTasks.Count)];
        var actor = EngineHarness.OfficialFor(task, "u" + random.Next(3));
        if (task.AssignedTo is { } assignee && task.Role != WorkflowRoles.Citizen)
            actor = actor with { UserId = assignee };
        if (task.AssignedTo is null && random.Next(4) == 0)
        {
            await h.Engine.ClaimAsync(instance.Id, task.Id, actor);
            return 1;
        }

        var actions = (await h.Engine.ListAvailableActionsAsync(instance.Id, actor, form)).Where(a => a.TaskId == task.Id).ToList();
        if (actions.Count == 0)
            return 0;
        var chosen = actions[random.Next(actions.Count)];
        await h.Engine.PerformAsync(new PerformActionRequest(instance.Id, task.Id, chosen.ActionId, actor)
        {
            Comment = "Ngẫu nhiên",
            Files = ["tep.pdf"],
            FormData = form,
        });
        return 1;
    }

    private static void CheckInvariants(WorkflowInstance i, WorkflowDefinition d, long saves, int seed)
    {
        var context = $"seed {seed}, {d.Id}";
        Assert.True(i.Version == saves, $"{context}: version {i.Version} after {saves} saves");
        Assert.Equal(Enumerable.Range(1, i.Journal.Count).Select(n => (long)n), i.Journal.Select(e => e.Sequence));
        Assert.True(i.Journal.Zip(i.Journal.Skip(1)).All(p => p.First.At <= p.Second.At), context);

        var maxBranches = d.Steps.Where(s => s.Kind == StepKind.Parallel).Select(s => s.Branches.Count).DefaultIfEmpty(1).Max();
        Assert.True(i.OpenTasks.Count <= maxBranches, $"{context}: {i.OpenTasks.Count} open tasks");
        Assert.True(i.OpenTasks.Count(t => t.Split is null) <= 1, context);
        foreach (var group in i.OpenTasks.Where(t => t.Split is not null).GroupBy(t => t.Split!))
            Assert.True(group.Count() <= d.GetStep(group.Key).Branches.Count, context);
        Assert.All(i.OpenTasks, t => Assert.True(d.GetStep(t.StepId).IsHuman, context));
        Assert.All(i.Timers.Where(t => t.TaskId is not null), t => Assert.NotNull(i.FindTask(t.TaskId!.Value)));

        foreach (var entry in i.Journal.Where(e => e.Kind == JournalKind.ActionPerformed))
        {
            var action = d.GetStep(entry.FromStep!).Actions.Single(a => a.Id == entry.ActionId);
            Assert.Equal(action.Target, entry.ToStep);
        }

        var waiting = i.OpenTasks.Any(t => t.Role == WorkflowRoles.Citizen);
        if (i.Status == InstanceStatus.Ended)
        {
            Assert.Equal(StepKind.End, d.GetStep(i.EndStepId!).Kind);
            Assert.Equal(d.GetStep(i.EndStepId!).Outcome, i.Outcome);
            Assert.Empty(i.OpenTasks);
            Assert.Empty(i.Timers);
            Assert.Equal(JournalKind.Ended, i.Journal[^1].Kind);
        }
        else
        {
            Assert.NotEmpty(i.OpenTasks);
            Assert.Equal(waiting ? InstanceStatus.WaitingForApplicant : InstanceStatus.Running, i.Status);
            Assert.Equal(waiting, i.TotalDueAt is null);
            Assert.Equal(waiting, i.ClockPausedAt is not null);
        }
    }
}

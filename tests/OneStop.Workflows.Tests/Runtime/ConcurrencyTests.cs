using OneStop.Workflows.Runtime;
using OneStop.Workflows.Runtime.Errors;
using OneStop.Workflows.Runtime.State;
using OneStop.Workflows.Tests.Support;

namespace OneStop.Workflows.Tests.Runtime;

public class ConcurrencyTests
{
    [Fact]
    public async Task Store_SaveWithStaleVersion_Conflicts()
    {
        var h = new EngineHarness();
        var instance = await h.StartAsync("birth-registration");
        var copyA = (await h.Store.LoadAsync(instance.Id))!;
        var copyB = (await h.Store.LoadAsync(instance.Id))!;

        await h.Store.SaveAsync(Bump(copyA), 1, []);
        var error = await Assert.ThrowsAsync<WorkflowConflictException>(() => h.Store.SaveAsync(Bump(copyB), 1, []));
        Assert.Equal("workflow.conflict", error.Code);
        Assert.Contains("người khác", error.MessageVi, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Perform_WithExpectedVersionSeenBeforeAnotherChange_Conflicts()
    {
        var h = new EngineHarness();
        var instance = await h.StartAsync("birth-registration");
        var task = instance.OpenTasks[0];
        var official = EngineHarness.OfficialFor(task);
        await h.Engine.ClaimAsync(instance.Id, task.Id, official);

        await Assert.ThrowsAsync<WorkflowConflictException>(() => h.Engine.PerformAsync(
            new PerformActionRequest(instance.Id, task.Id, "accept", official) { ExpectedVersion = instance.Version }));
        Assert.Equal(2, (await h.Engine.GetAsync(instance.Id))!.Version);
    }

    [Fact]
    public async Task TwoOfficials_SameTaskAtOnce_ExactlyOneSucceeds()
    {
        for (var round = 0; round < 20; round++)
        {
            var h = new EngineHarness();
            var instance = await h.StartAsync("birth-registration");
            var task = instance.OpenTasks[0];
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var attempts = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
            {
                await go.Task;
                var actor = EngineHarness.OfficialFor(task, "user" + i);
                await h.Engine.PerformAsync(new PerformActionRequest(instance.Id, task.Id, i % 2 == 0 ? "accept" : "requestSupplement", actor) { Comment = "x" });
            })).ToList();
            go.SetResult();

            var outcomes = await Task.WhenAll(attempts.Select(async a =>
            {
                try
                {
                    await a;
                    return "ok";
                }
                catch (WorkflowConflictException)
                {
                    return "conflict";
                }
            }));

            Assert.Equal(1, outcomes.Count(o => o == "ok"));
            Assert.Equal(7, outcomes.Count(o => o == "conflict"));
            var saved = (await h.Engine.GetAsync(instance.Id))!;
            Assert.Equal(2, saved.Version);
            Assert.Single(saved.Journal, e => e.Kind == JournalKind.ActionPerformed);
        }
    }

    private static WorkflowInstance Bump(WorkflowInstance instance)
    {
        var json = WorkflowStateSerializer.Serialize(instance).Replace("\"version\":1,", "\"version\":2,", StringComparison.Ordinal);
        return WorkflowStateSerializer.Deserialize(json);
    }
}

using OneStop.Workflows.Runtime.State;
using OneStop.Workflows.Tests.Support;

namespace OneStop.Workflows.Tests.Runtime;

public class StateSerializerTests
{
    [Fact]
    public async Task Serialize_RoundTrip_KeepsEveryPart()
    {
        var h = new EngineHarness();
        var instance = await h.StartAsync("construction-permit-house");
        await h.ActAsync(instance, "reception", "accept");
        await h.ActAsync(instance, "review", "consult");
        var state = (await h.ActAsync(instance, "opinion-qhkt", "agree")).Instance;

        var json = WorkflowStateSerializer.Serialize(state);
        var copy = WorkflowStateSerializer.Deserialize(json);

        Assert.Equal(json, WorkflowStateSerializer.Serialize(copy));
        Assert.Equal(state.OpenTasks.Select(t => (t.Id, t.StepId, t.Split, t.DueAt)), copy.OpenTasks.Select(t => (t.Id, t.StepId, t.Split, t.DueAt)));
        Assert.Equal(state.Journal, copy.Journal, (a, b) => a.Sequence == b.Sequence && a.Kind == b.Kind && a.Comment == b.Comment);
        Assert.Equal(["opinion-qhkt"], copy.JoinArrivals["consultation-join"]);
        Assert.Equal(state.Timers, copy.Timers);
        Assert.Contains("\"status\":\"running\"", json, StringComparison.Ordinal);
    }
}

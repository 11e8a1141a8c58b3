using System.Text.Json;
using System.Text.Json.Serialization;
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

    [Fact]
    public async Task What_is_absent_is_left_out_and_a_state_that_spells_it_out_reads_the_same()
    {
        var h = new EngineHarness();
        var instance = await h.StartAsync("construction-permit-house");
        var state = (await h.ActAsync(instance, "reception", "accept")).Instance;

        var json = WorkflowStateSerializer.Serialize(state);

        Assert.DoesNotContain(":null", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"files\":[]", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"documents\":[]", json, StringComparison.Ordinal);
        Assert.Contains(state.Journal, j => j.Files.Count == 0 && j.Comment is null);
        // A state written before (every null and empty list spelt out) is read as the same instance.
        var spelt = JsonSerializer.Serialize(state, new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        });
        Assert.Contains("\"files\":[]", spelt, StringComparison.Ordinal);
        Assert.Contains(":null", spelt, StringComparison.Ordinal);
        var read = WorkflowStateSerializer.Deserialize(spelt);
        Assert.Equal(json, WorkflowStateSerializer.Serialize(read));
        Assert.All(read.Journal, j => Assert.NotNull(j.Files));
        Assert.Equal(state.Journal.Count, read.LoadedJournalCount);
        Assert.All(WorkflowStateSerializer.Deserialize(json).Journal, j => Assert.NotNull(j.Documents));
    }
}

using OneStop.Workflows.Loading;
using OneStop.Workflows.Runtime;
using OneStop.Workflows.Tests.Support;

namespace OneStop.Workflows.Tests.Runtime;

public class TypedConditionTests
{
    private const string Definition = """
        {
          "id": "typed-conditions", "version": 1, "name": "Điều kiện có kiểu", "procedures": ["1.000002"],
          "inputs": { "submittedOn": "date", "urgent": "bool", "copies": "number" },
          "steps": [
            { "id": "reception", "kind": "task", "name": "Tiếp nhận", "assignee": { "role": "Reception", "department": "MOTCUA" }, "duration": "4h",
              "actions": [
                { "id": "fastTrack", "label": "Ưu tiên", "target": "done", "condition": "urgent and submittedOn >= #2026/01/01#" },
                { "id": "bulk", "label": "Nhiều bản", "target": "done", "condition": "copies >= 3" },
                { "id": "normal", "label": "Bình thường", "target": "done" } ] },
            { "id": "done", "kind": "end", "name": "Xong", "outcome": "completed" }
          ]
        }
        """;

    [Theory]
    [InlineData("2026-02-01", true, "2", "fastTrack,normal")]
    [InlineData("2025-12-31", true, "2", "normal")]
    [InlineData("2026-02-01", false, "5", "bulk,normal")]
    public async Task Conditions_ReadDatesBoolsAndNumbersFromStrings(string submittedOn, bool urgent, string copies, string expected)
    {
        var h = new EngineHarness();
        h.Registry.Publish(WorkflowLoader.LoadValid(Definition));
        var instance = await h.StartAsync("typed-conditions");
        var form = new Dictionary<string, object?> { ["submittedOn"] = submittedOn, ["urgent"] = urgent, ["copies"] = copies };
        var actor = new WorkflowActor("r", "Reception", instance.ReceivingAgency, "MOTCUA");
        var actions = await h.Engine.ListAvailableActionsAsync(instance.Id, actor, form);
        Assert.Equal(expected, string.Join(',', actions.Select(a => a.ActionId)));

        // The same list from an instance the caller already holds (read as of the version it saw), without the engine reading it.
        var held = (await h.Engine.GetAsync(instance.Id, instance.Version))!;
        Assert.Equal(expected, string.Join(',', h.Engine.ListAvailableActions(held, actor, form).Select(a => a.ActionId)));
    }

    [Fact]
    public async Task Conditions_MissingOrUnparsableData_DoNotHold()
    {
        var h = new EngineHarness();
        h.Registry.Publish(WorkflowLoader.LoadValid(Definition));
        var instance = await h.StartAsync("typed-conditions");
        var actor = new WorkflowActor("r", "Reception", instance.ReceivingAgency, "MOTCUA");
        Assert.Equal(["normal"], (await h.Engine.ListAvailableActionsAsync(instance.Id, actor)).Select(a => a.ActionId));
        var garbage = new Dictionary<string, object?> { ["copies"] = "nhiều", ["submittedOn"] = "hôm qua" };
        Assert.Equal(["normal"], (await h.Engine.ListAvailableActionsAsync(instance.Id, actor, garbage)).Select(a => a.ActionId));
    }
}

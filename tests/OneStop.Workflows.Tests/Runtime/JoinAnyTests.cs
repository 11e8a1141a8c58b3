using OneStop.Workflows.Loading;
using OneStop.Workflows.Runtime.State;
using OneStop.Workflows.Tests.Support;

namespace OneStop.Workflows.Tests.Runtime;

public class JoinAnyTests
{
    private const string Definition = """
        {
          "id": "quick-opinion", "version": 1, "name": "Lấy ý kiến nhanh", "procedures": ["1.000001"],
          "steps": [
            { "id": "reception", "kind": "task", "name": "Tiếp nhận", "assignee": { "role": "Reception", "department": "MOTCUA" }, "duration": "4h",
              "actions": [ { "id": "accept", "label": "Tiếp nhận", "target": "ask" } ] },
            { "id": "ask", "kind": "parallel", "name": "Hỏi ý kiến", "branches": ["x", "y"], "join": "any", "joinStep": "first-answer" },
            { "id": "x", "kind": "task", "name": "Phòng QHKT", "assignee": { "role": "Specialist", "department": "QHKT", "agency": "SXD" }, "duration": "1d",
              "actions": [ { "id": "answer", "label": "Trả lời", "target": "first-answer" } ] },
            { "id": "y", "kind": "task", "name": "Phòng HTKT", "assignee": { "role": "Specialist", "department": "HTKT", "agency": "SXD" }, "duration": "1d",
              "actions": [ { "id": "answer", "label": "Trả lời", "target": "first-answer" } ] },
            { "id": "first-answer", "kind": "join", "name": "Có ý kiến đầu tiên", "next": "done" },
            { "id": "done", "kind": "end", "name": "Xong", "outcome": "completed" }
          ]
        }
        """;

    [Fact]
    public async Task JoinAny_FirstBranchAnswer_CancelsTheOtherAndContinues()
    {
        var h = new EngineHarness();
        h.Registry.Publish(WorkflowLoader.LoadValid(Definition, DemoOrganisation.Catalog));
        var instance = await h.StartAsync("quick-opinion");
        await h.ActAsync(instance, "reception", "accept");
        var open = (await h.Engine.GetAsync(instance.Id))!;
        Assert.Equal(2, open.OpenTasks.Count);
        Assert.Equal(2, open.Timers.Count(t => t.Kind == TimerKind.Escalation));

        var done = (await h.ActAsync(instance, "y", "answer")).Instance;
        Assert.Equal(InstanceStatus.Ended, done.Status);
        Assert.Contains(done.Journal, e => e.Kind == JournalKind.TaskCancelled && e.FromStep == "x" && e.Comment == "join");
        Assert.Empty(done.Timers);
    }
}

using System.Text.Json.Nodes;
using OneStop.Workflows.Loading;
using OneStop.Workflows.Tests.Support;
using OneStop.Workflows.Validation;

namespace OneStop.Workflows.Tests.Validation;

internal static class ValidatorTestData
{
    public const string Valid = """
        {
          "id": "test", "version": 1, "name": "Thử nghiệm", "procedures": ["1.000001"],
          "inputs": { "area": "number", "applicantType": "string" },
          "totalDuration": "5d",
          "steps": [
            { "id": "reception", "kind": "task", "name": "Tiếp nhận", "assignee": { "role": "Reception", "department": "MOTCUA" }, "duration": "4h",
              "actions": [ { "id": "accept", "label": "Tiếp nhận", "target": "consult", "condition": "area > 250" },
                           { "id": "reject", "label": "Từ chối", "target": "rejected" } ] },
            { "id": "consult", "kind": "parallel", "name": "Lấy ý kiến", "branches": ["a", "b"], "joinStep": "joined" },
            { "id": "a", "kind": "task", "name": "A", "assignee": { "role": "Specialist", "department": "QHKT", "agency": "SXD" }, "duration": "1d",
              "actions": [ { "id": "ok", "label": "Đồng ý", "target": "joined" } ] },
            { "id": "b", "kind": "task", "name": "B", "assignee": { "role": "Specialist", "department": "HTKT", "agency": "SXD" }, "duration": "1d",
              "actions": [ { "id": "ok", "label": "Đồng ý", "target": "joined" } ] },
            { "id": "joined", "kind": "join", "name": "Tổng hợp", "next": "done" },
            { "id": "done", "kind": "end", "name": "Xong", "outcome": "completed" },
            { "id": "rejected", "kind": "end", "name": "Từ chối", "outcome": "rejected" }
          ]
        }
        """;

    public static IReadOnlyList<WorkflowProblem> ProblemsAfter(Action<JsonNode> mutate, bool withCatalog = true)
    {
        var node = JsonNode.Parse(Valid)!;
        mutate(node);
        return WorkflowLoader.Load(node.ToJsonString(), withCatalog ? DemoOrganisation.Catalog : null).Problems;
    }

    public static JsonNode Step(JsonNode root, int index) => root["steps"]![index]!;
}

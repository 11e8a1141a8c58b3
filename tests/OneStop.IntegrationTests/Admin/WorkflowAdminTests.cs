using System.Net;
using Microsoft.EntityFrameworkCore;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Admin;

public sealed class WorkflowAdminTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    private const string Draft = """
        {
          "id": "cap-ban-sao-trich-luc", "version": 1, "name": "Cấp bản sao trích lục hộ tịch", "procedures": ["2.000635"],
          "steps": [
            { "id": "reception", "kind": "task", "name": "Tiếp nhận", "assignee": { "role": "Reception", "department": "MOTCUA" }, "duration": "4h",
              "actions": [ { "id": "accept", "label": "Tiếp nhận", "target": "done", "issues": ["receipt"] } ] },
            { "id": "done", "kind": "end", "name": "Hoàn thành", "outcome": "completed" }
          ]
        }
        """;

    [Fact]
    public async Task An_administrator_sees_every_problem_then_publishes_a_valid_version_once()
    {
        var admin = app.CreateClient();
        await admin.SignInAsync(DemoAccounts.Admin);
        var broken = Draft.Replace("\"target\": \"done\"", "\"target\": \"khong-co\"", StringComparison.Ordinal)
            .Replace("\"department\": \"MOTCUA\"", "\"department\": \"PHONG-MA\"", StringComparison.Ordinal);

        var rejected = await (await admin.PostFormAsync("/Admin/Workflows/Edit?handler=Publish", new Dictionary<string, string> { ["Json"] = broken })).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"problems\"", rejected, StringComparison.Ordinal);
        Assert.Contains("$.steps[0].actions[0].target", rejected, StringComparison.Ordinal);
        Assert.Contains("$.steps[0].assignee.department", rejected, StringComparison.Ordinal);

        var published = await (await admin.PostFormAsync("/Admin/Workflows/Edit?handler=Publish", new Dictionary<string, string> { ["Json"] = Draft })).Content.ReadAsStringAsync();
        Assert.Contains("Đã ban hành “Cấp bản sao trích lục hộ tịch” (mã <code>cap-ban-sao-trich-luc</code>) phiên bản 1.", System.Net.WebUtility.HtmlDecode(published),
            StringComparison.Ordinal);
        var changed = await (await admin.PostFormAsync("/Admin/Workflows/Edit?handler=Publish", new Dictionary<string, string>
        {
            ["Json"] = Draft.Replace("Cấp bản sao trích lục hộ tịch", "Tên khác", StringComparison.Ordinal),
        })).Content.ReadAsStringAsync();
        Assert.Contains("Hãy tăng số phiên bản.", changed, StringComparison.Ordinal);

        await using var db = app.Database.CreateContext();
        Assert.Equal("Cấp bản sao trích lục hộ tịch", (await db.WorkflowDefinitions.SingleAsync(d => d.Id == "cap-ban-sao-trich-luc")).Name);
        Assert.Contains("cap-ban-sao-trich-luc", await admin.GetStringAsync("/Admin/Workflows"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Officials_cannot_open_the_workflow_console()
    {
        var leader = app.CreateClient(new() { AllowAutoRedirect = false });
        await leader.SignInAsync(DemoAccounts.LeaderSgtvt);

        Assert.Equal(HttpStatusCode.Forbidden, (await leader.GetAsync("/Admin/Workflows")).StatusCode);
    }
}

using Microsoft.Playwright;
using OneStop.BrowserTests.Foundation;
using OneStop.Testing;

namespace OneStop.BrowserTests.Admin;

public sealed class WorkflowConsoleJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Draft = """
        {
          "id": "xac-nhan-thu-nghiem", "version": 1, "name": "Xác nhận thử nghiệm", "procedures": ["9.999001"],
          "steps": [
            { "id": "reception", "kind": "task", "name": "Tiếp nhận", "assignee": { "role": "Reception", "department": "MOTCUA" }, "duration": "4h",
              "actions": [ { "id": "accept", "label": "Tiếp nhận", "target": "review", "issues": ["receipt"] } ] },
            { "id": "review", "kind": "task", "name": "Thẩm định", "assignee": { "role": "Specialist", "department": "PHONG-SAI" }, "duration": "1d",
              "actions": [ { "id": "ok", "label": "Đạt", "target": "done" } ] },
            { "id": "done", "kind": "end", "name": "Hoàn thành", "outcome": "completed" }
          ]
        }
        """;

    [Fact]
    public async Task An_expert_writes_the_json_sees_problems_beside_the_fields_and_the_diagram_simulates_and_publishes()
    {
        var page = await app.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error" && page.Url.Contains("/Admin/Workflows", StringComparison.Ordinal)) errors.Add(page.Url + ": " + message.Text); };
        page.PageError += (_, error) => errors.Add(error);
        await page.SignInAsync(DemoAccounts.Admin);
        await page.GotoAsync("/Admin/Workflows/Edit?blank=true");
        await page.GetByTestId("tab-json").ClickAsync();

        await page.GetByTestId("json").FillAsync(Draft);
        await Assertions.Expect(page.Locator("#json-status")).ToContainTextAsync("Định nghĩa có 1 lỗi");
        await page.GetByTestId("tab-design").ClickAsync();
        await page.GetByTestId("step-review").ClickAsync();
        await Assertions.Expect(page.Locator("[data-problem-slot=\"$.steps[1].assignee.department\"]")).ToContainTextAsync("Phòng, ban “PHONG-SAI” không có");
        await Assertions.Expect(page.Locator("#diagram svg")).ToContainTextAsync("Thẩm định");

        await page.GetByTestId("tab-json").ClickAsync();
        await page.GetByTestId("json").FillAsync(Draft.Replace("PHONG-SAI", "QLPT", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#json-status")).ToHaveTextAsync("Định nghĩa hợp lệ.");
        await Assertions.Expect(page.GetByTestId("mermaid")).ToContainTextAsync("flowchart TD");
        await page.GetByTestId("tab-design").ClickAsync();
        await Assertions.Expect(page.GetByTestId("designer-status")).ToHaveTextAsync("Hợp lệ — sẵn sàng ban hành");
        await Assertions.Expect(page.GetByTestId("step-review")).Not.ToContainTextAsync("lỗi");
        await BrowserApp.ScreenshotAsync(page, "workflow-editor");

        await page.GetByTestId("tab-simulate").ClickAsync();
        await page.GetByTestId("sim-agency").SelectOptionAsync("SGTVT");
        await page.GetByTestId("sim-start").FillAsync("2026-12-04T09:00");
        await page.GetByTestId("sim-run").ClickAsync();
        await Assertions.Expect(page.GetByTestId("sim-steps")).ToContainTextAsync("Thẩm định");
        await Assertions.Expect(page.GetByTestId("sim-steps")).ToContainTextAsync("07/12/2026 17:00"); // a working day from Friday afternoon ends on Monday

        await page.GetByTestId("publish").ClickAsync();
        await Assertions.Expect(page.GetByTestId("published")).ToContainTextAsync("(mã xac-nhan-thu-nghiem) phiên bản 1.");
        await page.GotoAsync("/Admin/Workflows");
        await Assertions.Expect(page.GetByTestId("definition-xac-nhan-thu-nghiem-1")).ToBeVisibleAsync();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }
}

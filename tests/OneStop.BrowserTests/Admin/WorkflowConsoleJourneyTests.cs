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
    public async Task An_administrator_sees_problems_as_they_type_fixes_them_sees_the_diagram_simulates_and_publishes()
    {
        var page = await app.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error" && page.Url.Contains("/Admin/Workflows", StringComparison.Ordinal)) errors.Add(page.Url + ": " + message.Text); };
        await page.SignInAsync(DemoAccounts.Admin);
        await page.GotoAsync("/Admin/Workflows/Edit");
        await Assertions.Expect(page.Locator("#diagram svg")).ToBeVisibleAsync();

        await page.GetByTestId("json").FillAsync(Draft);
        var problems = page.GetByTestId("problems");
        await Assertions.Expect(problems).ToContainTextAsync("$.steps[1].assignee.department");

        await page.GetByTestId("json").FillAsync(Draft.Replace("PHONG-SAI", "QLPT", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByTestId("valid")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#diagram svg")).ToContainTextAsync("Thẩm định");
        await BrowserApp.ScreenshotAsync(page, "workflow-editor");

        await page.GetByTestId("simulate").ClickAsync();
        await page.Locator("#Agency").SelectOptionAsync("SGTVT");
        await page.Locator("#Start").FillAsync("2026-12-04T09:00");
        await page.GetByTestId("run").ClickAsync();
        await Assertions.Expect(page.GetByTestId("steps")).ToContainTextAsync("Thẩm định");
        await Assertions.Expect(page.GetByTestId("steps")).ToContainTextAsync("07/12/2026 17:00"); // a working day from Friday afternoon ends on Monday

        await page.GotoAsync("/Admin/Workflows/Edit");
        await page.GetByTestId("json").FillAsync(Draft.Replace("PHONG-SAI", "QLPT", StringComparison.Ordinal));
        await page.GetByTestId("publish").ClickAsync();
        await Assertions.Expect(page.GetByTestId("published")).ToContainTextAsync("Đã ban hành xac-nhan-thu-nghiem phiên bản 1.");
        await page.GotoAsync("/Admin/Workflows");
        await Assertions.Expect(page.GetByTestId("definition-xac-nhan-thu-nghiem-1")).ToBeVisibleAsync();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }
}

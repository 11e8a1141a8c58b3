using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OneStop.BrowserTests.Foundation;
using OneStop.Infrastructure.Data;
using OneStop.Testing;

namespace OneStop.BrowserTests.Admin.Designer;

/// <summary>
/// Invalid edits — an action without a target, a step nothing leads to, a department that does not exist — are shown beside the
/// field concerned in Vietnamese (the server's validator decides), counted on the step list and the diagram, and block publishing.
/// </summary>
public sealed class WorkflowDesignerValidationTests(DesignerApp app) : IClassFixture<DesignerApp>
{
    private static ILocator Slot(IPage page, string path) => page.Locator($"[data-problem-slot=\"{path}\"]");

    /// <summary>Drags by the handle with the mouse, moving in small steps as a hand does.</summary>
    private static async Task DragAsync(IPage page, ILocator from, ILocator to)
    {
        await from.ScrollIntoViewIfNeededAsync();
        var a = (await from.BoundingBoxAsync())!;
        var b = (await to.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(a.X + (a.Width / 2), a.Y + (a.Height / 2));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(a.X + (a.Width / 2), a.Y + (a.Height / 2) - 5, new() { Steps = 3 });
        await page.Mouse.MoveAsync(b.X + (b.Width / 2), b.Y + 4, new() { Steps = 15 });
        await page.Mouse.UpAsync();
    }

    [Fact]
    public async Task Invalid_edits_are_refused_beside_their_fields_and_nothing_invalid_is_published()
    {
        var page = await app.NewPageAsync(1366, 768);
        await page.SignInAsync(DemoAccounts.Admin);
        await page.GotoAsync("/Admin/Workflows/Edit?template=driving-licence-renewal");
        var d = new DesignerPage(page);
        await d.SettledAsync("Hợp lệ — sẵn sàng ban hành");

        // An action without a target.
        await d.SelectStepAsync("review");
        await page.GetByTestId("action-preset").SelectOptionAsync("");
        await page.GetByTestId("add-action").ClickAsync();
        await page.GetByTestId("action-2-label").FillAsync("Chuyển phòng khác");
        await Assertions.Expect(Slot(page, "$.steps[2].actions[2].target")).ToContainTextAsync("Chưa chọn bước chuyển đến.");
        await Assertions.Expect(page.GetByTestId("action-2-target")).ToHaveAttributeAsync("aria-invalid", "true");
        var describedBy = await page.GetByTestId("action-2-target").GetAttributeAsync("aria-describedby");
        Assert.Contains(await Slot(page, "$.steps[2].actions[2].target").GetAttributeAsync("id"), describedBy!.Split(' '));

        // A step nothing leads to.
        await d.AddStepAsync("Lưu trữ hồ sơ", "end", "luu-tru");
        await Assertions.Expect(Slot(page, "$.steps[8]")).ToContainTextAsync("Không có thao tác nào dẫn tới bước này từ bước bắt đầu");
        await Assertions.Expect(page.GetByTestId("node-luu-tru")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("has-problem"));

        // Undo and redo; reordering with the keyboard (the step's up button) and with the mouse (dragging its handle).
        await page.GetByRole(AriaRole.Button, new() { Name = "Hoàn tác" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("step-luu-tru")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Làm lại" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("step-luu-tru")).ToBeVisibleAsync();
        var items = page.GetByTestId("step-list").Locator("li.designer-step");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đưa lên bước “Lưu trữ hồ sơ”" }).ClickAsync();
        await Assertions.Expect(items.Nth(7)).ToContainTextAsync("Lưu trữ hồ sơ");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Đưa lên bước “Lưu trữ hồ sơ”" })).ToBeFocusedAsync();
        await Assertions.Expect(page.GetByTestId("designer-status")).Not.ToHaveTextAsync("Đang kiểm tra…"); // the list is not redrawn under the mouse
        await DragAsync(page, items.Nth(7).Locator(".designer-drag"), items.Nth(6).Locator(".designer-drag"));
        await Assertions.Expect(items.Nth(6)).ToContainTextAsync("Lưu trữ hồ sơ");
        await d.SelectStepAsync("luu-tru");
        await Assertions.Expect(Slot(page, "$.steps[6]")).ToContainTextAsync("Không có thao tác nào dẫn tới bước này từ bước bắt đầu");

        // A department that does not exist, written by an expert in the JSON view.
        await page.GetByTestId("tab-json").ClickAsync();
        var json = await page.GetByTestId("json").InputValueAsync();
        await page.GetByTestId("json").FillAsync(json.Replace("\"QLPT\"", "\"PHONG-MA\"", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#json-status")).ToContainTextAsync("lỗi");
        await page.GetByTestId("tab-design").ClickAsync();
        await d.SelectStepAsync("review");
        await Assertions.Expect(Slot(page, "$.steps[2].assignee.department")).ToContainTextAsync("Phòng, ban “PHONG-MA” không có ở cơ quan xử lý bước này");
        await Assertions.Expect(page.GetByTestId("department").Locator("option:checked")).ToHaveTextAsync("“PHONG-MA” (không có ở cơ quan này)");
        await Assertions.Expect(page.GetByTestId("step-review")).ToContainTextAsync("lỗi");
        await Assertions.Expect(page.GetByTestId("problem-summary")).ToContainTextAsync("chưa ban hành được");
        await Assertions.Expect(page.GetByTestId("designer-status")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Còn [0-9]+ lỗi$"));
        await BrowserApp.ScreenshotAsync(page, "workflow-designer-problems");
        var violations = await page.SeriousAccessibilityViolationsAsync();
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));

        // Publishing is refused in the page: the first problem of the summary takes the focus and nothing reaches the server.
        await page.GetByTestId("publish").ClickAsync();
        await Assertions.Expect(page.GetByTestId("problem-summary").Locator("button").First).ToBeFocusedAsync();
        await page.GetByTestId("problem-summary").Locator("button", new() { HasText = "Chưa chọn bước chuyển đến" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("action-2-target")).ToBeFocusedAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        Assert.False(await db.WorkflowDefinitions.AnyAsync(w => w.Id == "driving-licence-renewal" && w.Version > 1));

        // Removing the stray step (after confirming) leaves one problem fewer.
        await d.SelectStepAsync("luu-tru");
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GetByTestId("remove-step").ClickAsync();
        await Assertions.Expect(page.GetByTestId("step-luu-tru")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("problem-summary")).Not.ToContainTextAsync("Không có thao tác nào dẫn tới bước này");
    }
}

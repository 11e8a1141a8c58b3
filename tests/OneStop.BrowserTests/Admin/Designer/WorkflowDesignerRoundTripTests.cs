using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OneStop.BrowserTests.Foundation;
using OneStop.Infrastructure.Data;
using OneStop.Testing;

namespace OneStop.BrowserTests.Admin.Designer;

/// <summary>Every sample in workflows/ opens in the designer as a template, every step and section is drawn, and it is saved back unchanged.</summary>
public sealed class WorkflowDesignerRoundTripTests(DesignerApp app) : IClassFixture<DesignerApp>
{
    public static TheoryData<string> Keys => new(Samples.Keys);

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task A_sample_loaded_into_the_designer_is_published_back_unchanged(string key)
    {
        var page = await app.NewPageAsync(1366, 768);
        await page.SignInAsync(DemoAccounts.Admin);
        await page.GotoAsync("/Admin/Workflows/Edit");
        await page.GetByTestId("template-" + key).ClickAsync();
        var d = new DesignerPage(page);
        await d.SettledAsync("Hợp lệ — sẵn sàng ban hành");

        // Draw every step's form with every section open, so that every control has been built from the definition.
        var steps = page.GetByTestId("step-list").Locator("li.designer-step");
        var count = await steps.CountAsync();
        Assert.Equal(WorkflowStepCount(key), count);
        for (var i = 0; i < count; i++)
        {
            await steps.Nth(i).Locator(".designer-step-select").ClickAsync();
            var sections = d.Editor.Locator("details");
            for (var s = 0; s < await sections.CountAsync(); s++)
            {
                await DesignerPage.OpenAsync(sections.Nth(s));
            }
        }

        await d.SettledAsync("Hợp lệ — sẵn sàng ban hành");
        var sample = Samples.Canonical(Samples.Read(key));
        Assert.Equal(sample, Samples.Canonical(await page.GetByTestId("json").InputValueAsync()));

        page.Dialog += (_, dialog) => dialog.AcceptAsync(); // "not simulated yet: publish anyway?"
        await page.GetByTestId("publish").ClickAsync();
        await Assertions.Expect(page.GetByTestId("published")).ToContainTextAsync("Đã ban hành");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var id = System.Text.Json.JsonDocument.Parse(Samples.Read(key)).RootElement.GetProperty("id").GetString();
        var stored = await db.WorkflowDefinitions.Where(w => w.Id == id).OrderByDescending(w => w.Version).Select(w => w.Json).FirstAsync();
        Assert.Equal(sample, Samples.Canonical(stored));
    }

    private static int WorkflowStepCount(string key) =>
        System.Text.Json.JsonDocument.Parse(Samples.Read(key)).RootElement.GetProperty("steps").GetArrayLength();
}

using Microsoft.Playwright;

namespace OneStop.BrowserTests.Admin.Designer;

/// <summary>The designer as an administrator drives it: forms, lists and buttons only (never the JSON).</summary>
internal sealed class DesignerPage(IPage page)
{
    private static readonly string[] DocumentKinds = ["receipt", "supplementRequest", "rejection", "result", "apology", "controlSlip", "withdrawal"];

    public IPage Page => page;

    public ILocator Editor => page.GetByTestId("step-editor");

    public async Task AddStepAsync(string name, string kind, string id, bool withEnter = false)
    {
        await page.GetByTestId("add-step-name").FillAsync(name);
        await page.GetByTestId("add-step-kind").SelectOptionAsync(kind);
        if (withEnter)
        {
            await page.GetByTestId("add-step-name").PressAsync("Enter");
        }
        else
        {
            await page.GetByTestId("add-step").ClickAsync();
        }

        await Assertions.Expect(page.GetByTestId("step-name")).ToHaveValueAsync(name);
        await Assertions.Expect(page.GetByTestId("step-name")).ToBeFocusedAsync();
        var field = page.GetByTestId("step-id");
        await field.FillAsync(id);
        await field.PressAsync("Tab");
        await Assertions.Expect(page.GetByTestId("step-" + id)).ToBeVisibleAsync();
    }

    public async Task SelectStepAsync(string id)
    {
        await page.GetByTestId("step-" + id).ClickAsync();
        await Assertions.Expect(page.GetByTestId("step-id")).ToHaveValueAsync(id);
    }

    public async Task AssignAsync(string role, string agency, string department)
    {
        await page.GetByTestId("role").SelectOptionAsync(role);
        await page.GetByTestId("agency").SelectOptionAsync(agency);
        await page.GetByTestId("department").SelectOptionAsync(department);
    }

    public async Task DurationAsync(string label, string amount, string unit)
    {
        await page.GetByLabel(label, new() { Exact = true }).FillAsync(amount);
        await page.GetByLabel(label + " — đơn vị", new() { Exact = true }).SelectOptionAsync(unit);
    }

    public async Task AddActionAsync(string preset, string label, string target, bool comment = false, bool file = false, params string[] documents)
    {
        var k = await Editor.Locator("fieldset.designer-action").CountAsync();
        await page.GetByTestId("action-preset").SelectOptionAsync(preset);
        await page.GetByTestId("add-action").ClickAsync();
        await Assertions.Expect(page.GetByTestId($"action-{k}-label")).ToBeFocusedAsync();
        await page.GetByTestId($"action-{k}-label").FillAsync(label);
        await page.GetByTestId($"action-{k}-target").SelectOptionAsync(target);
        await page.GetByTestId($"action-{k}-comment").SetCheckedAsync(comment);
        await page.GetByTestId($"action-{k}-file").SetCheckedAsync(file);
        await OpenAsync(page.GetByTestId($"action-{k}-more-docs"));
        foreach (var kind in DocumentKinds)
        {
            await page.GetByTestId($"action-{k}-doc-{kind}").SetCheckedAsync(documents.Contains(kind));
        }
    }

    /// <summary>Opens a collapsed section (a details element) by its summary, as a person would.</summary>
    public static async Task OpenAsync(ILocator details)
    {
        if (await details.GetAttributeAsync("open") is null)
        {
            await details.Locator("summary").ClickAsync();
        }

        await Assertions.Expect(details).ToHaveAttributeAsync("open", "");
    }

    public async Task AddOperationAsync(string kind)
    {
        await page.GetByTestId("operation-kind").SelectOptionAsync(kind);
        await page.GetByTestId("add-operation").ClickAsync();
    }

    /// <summary>Waits until the server's check of the current draft has come back.</summary>
    public Task SettledAsync(string status) =>
        Assertions.Expect(page.GetByTestId("designer-status")).ToHaveTextAsync(status, new() { Timeout = 20_000 });
}

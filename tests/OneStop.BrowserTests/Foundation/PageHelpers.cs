using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using OneStop.Testing;

namespace OneStop.BrowserTests.Foundation;

internal static class PageHelpers
{
    public static async Task SignInAsync(this IPage page, string email, string password = DemoAccounts.Password)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Mật khẩu").FillAsync(password);
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    /// <summary>Runs axe on the page and returns the serious or critical violations, described for the failure message.</summary>
    public static async Task<IReadOnlyList<string>> SeriousAccessibilityViolationsAsync(this IPage page)
    {
        var results = await page.RunAxe();
        return results.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Select(n => n.Html))}")
            .ToList();
    }

    public static Task<AxeResult> AxeAsync(this IPage page) => page.RunAxe();
}

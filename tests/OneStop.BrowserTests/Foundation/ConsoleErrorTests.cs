using Microsoft.Playwright;
using OneStop.Testing;

namespace OneStop.BrowserTests.Foundation;

/// <summary>
/// The pages people open most load without a console error: no Content-Security-Policy violation, no script error, no
/// request the page makes that fails (a missing icon, script or stylesheet).
/// </summary>
public sealed class ConsoleErrorTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData(null, "/")]
    [InlineData(null, "/Account/Login")]
    [InlineData(null, "/Account/Register")]
    [InlineData(null, "/thu-tuc?q=giay+phep+lai+xe")]
    [InlineData(null, "/thu-tuc/1.002804")]
    [InlineData(null, "/tra-cuu")]
    [InlineData(DemoAccounts.Citizen, "/ho-so")]
    [InlineData(DemoAccounts.Citizen, "/ho-so/nop/1.002804")]
    [InlineData(DemoAccounts.Citizen, "/thong-bao")]
    [InlineData(DemoAccounts.ReceptionSgtvt, "/Workspace")]
    [InlineData(DemoAccounts.LeaderSgtvt, "/Workspace/Statistics")]
    [InlineData(DemoAccounts.Admin, "/Admin")]
    [InlineData(DemoAccounts.Admin, "/Admin/Procedures")]
    [InlineData(DemoAccounts.Admin, "/Admin/Settings")]
    [InlineData(DemoAccounts.Admin, "/Admin/Workflows/Edit")]
    [InlineData(DemoAccounts.Admin, "/Admin/Workflows/Edit?blank=true")]
    [InlineData(DemoAccounts.Admin, "/Admin/Workflows/Edit?template=construction-permit-house")]
    public async Task Pages_load_without_console_errors_or_failed_requests(string? user, string path)
    {
        var page = await app.NewPageAsync();
        if (user is not null)
        {
            await page.SignInAsync(user);
        }

        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add($"console: {message.Text} at {message.Location}");
            }
        };
        page.PageError += (_, error) => problems.Add("script: " + error);
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                problems.Add($"{response.Status} {response.Url}");
            }
        };
        page.RequestFailed += (_, request) => problems.Add($"failed {request.Url}: {request.Failure}");

        await page.GotoAsync(path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.True(problems.Count == 0, path + ":" + Environment.NewLine + string.Join(Environment.NewLine, problems));
    }
}

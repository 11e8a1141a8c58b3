using OneStop.Testing;

namespace OneStop.BrowserTests.Foundation;

public sealed class AccessibilityTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData(null, "/thu-tuc")]
    [InlineData(null, "/thu-tuc/1.009994")]
    [InlineData(null, "/tra-cuu")]
    [InlineData(null, "/verify")]
    [InlineData(DemoAccounts.Citizen, "/ho-so")]
    [InlineData(DemoAccounts.Citizen, "/ho-so/nop/1.001193")]
    [InlineData(DemoAccounts.Citizen, "/ho-so/nop/1.002804")]
    [InlineData(DemoAccounts.Citizen, "/ho-so/nop/1.009994")]
    [InlineData(DemoAccounts.Citizen, "/thong-bao")]
    [InlineData(DemoAccounts.Citizen, "/kho-du-lieu")]
    [InlineData(DemoAccounts.ReceptionSgtvt, "/Workspace")]
    [InlineData(DemoAccounts.ReceptionSgtvt, "/Workspace/Walkin?code=1.002804")]
    [InlineData(DemoAccounts.LeaderSgtvt, "/Workspace/Statistics")]
    [InlineData(DemoAccounts.Admin, "/Workspace/Statistics")]
    [InlineData(DemoAccounts.ReceptionSgtvt, "/Workspace/Register")]
    [InlineData(DemoAccounts.Admin, "/Admin/Workflows")]
    [InlineData(DemoAccounts.Admin, "/Admin/Workflows/Edit")]
    [InlineData(DemoAccounts.Admin, "/Admin/Workflows/Edit?blank=true")]
    [InlineData(DemoAccounts.Admin, "/Admin/Workflows/Edit?id=driving-licence-renewal")]
    [InlineData(DemoAccounts.Admin, "/Admin/Workflows/Edit?template=construction-permit-house")]
    [InlineData(DemoAccounts.Admin, "/Admin/Workflows/Simulate?id=driving-licence-renewal")]
    [InlineData(DemoAccounts.Admin, "/Admin/Users")]
    public async Task Pages_have_no_serious_or_critical_accessibility_violations(string? user, string path)
    {
        var page = await app.NewPageAsync();
        if (user is not null)
        {
            await page.SignInAsync(user);
        }

        await page.GotoAsync(path);

        var violations = await page.SeriousAccessibilityViolationsAsync();
        Assert.True(violations.Count == 0, path + ": " + string.Join(Environment.NewLine, violations));
    }
}

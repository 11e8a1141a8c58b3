using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Accounts;

public sealed partial class TwoFactorTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    [GeneratedRegex("data-testid=\"totp-key\">([A-Z2-7]+)<")]
    private static partial Regex KeyPattern();

    [Fact]
    public async Task An_official_enables_TOTP_and_then_needs_a_code_to_sign_in_on_pages_and_api()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        await client.SignInAsync(DemoAccounts.LeaderSgtvt);
        var setup = await client.GetStringAsync("/Account/Manage/TwoFactor");
        var key = KeyPattern().Match(setup).Groups[1].Value;
        Assert.NotEmpty(key);

        var wrong = await client.PostFormAsync("/Account/Manage/TwoFactor", new Dictionary<string, string> { ["Code"] = "000000" });
        Assert.Contains("Mã xác thực không đúng.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var enabled = await client.PostFormAsync("/Account/Manage/TwoFactor", new Dictionary<string, string> { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        Assert.Contains("Xác thực hai lớp đang bật", await client.GetStringAsync("/Account/Manage/TwoFactor"), StringComparison.Ordinal);

        var fresh = app.CreateClient(new() { AllowAutoRedirect = false });
        var password = await fresh.SignInAsync(DemoAccounts.LeaderSgtvt);
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.Contains("LoginWith2fa", password.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var second = await fresh.PostFormAsync(password.Headers.Location!.OriginalString, new Dictionary<string, string> { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/Workspace")).StatusCode);

        var apiWithout = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = DemoAccounts.LeaderSgtvt, password = DemoAccounts.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, apiWithout.StatusCode);
        var apiWith = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login",
            new { email = DemoAccounts.LeaderSgtvt, password = DemoAccounts.Password, twoFactorCode = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.OK, apiWith.StatusCode);
    }
}

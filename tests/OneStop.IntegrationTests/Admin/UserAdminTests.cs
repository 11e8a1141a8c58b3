using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Admin;

public sealed partial class UserAdminTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    [GeneratedRegex("name=\"id\" value=\"([0-9a-f-]+)\"")]
    private static partial Regex UserId();

    [Fact]
    public async Task An_administrator_finds_a_citizen_without_diacritics_locks_and_unlocks_the_account()
    {
        const string email = "hoang.thi.mai@demo.onestop.vn";
        var admin = app.CreateClient();
        await admin.SignInAsync(DemoAccounts.Admin);

        var found = await admin.GetStringAsync("/Admin/Users?q=hoang+thi+mai");
        Assert.Contains(email, found, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoAccounts.Citizen, found, StringComparison.Ordinal);
        var id = UserId().Match(found).Groups[1].Value;

        var locked = await admin.PostFormAsync("/Admin/Users?handler=Lock", new Dictionary<string, string> { ["id"] = id }, found);
        Assert.Contains($"Đã khóa tài khoản {email}.", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var refused = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email, password = DemoAccounts.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("tạm thời bị khóa", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var page = await admin.GetStringAsync("/Admin/Users?q=hoang+thi+mai");
        await admin.PostFormAsync("/Admin/Users?handler=Unlock", new Dictionary<string, string> { ["id"] = id }, page);
        var allowed = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email, password = DemoAccounts.Password });
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task Non_administrators_get_403_on_the_user_console()
    {
        var citizen = app.CreateClient(new() { AllowAutoRedirect = false });
        await citizen.SignInAsync(DemoAccounts.Citizen);

        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync("/Admin/Users")).StatusCode);
    }
}

using System.Net;
using System.Net.Http.Json;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Admin;

public sealed class UserAdminTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    [Fact]
    public async Task An_administrator_finds_a_citizen_without_diacritics_locks_and_unlocks_the_account()
    {
        const string email = "hoang.thi.mai@demo.onestop.vn";
        var admin = app.CreateClient();
        await admin.SignInAsync(DemoAccounts.Admin);

        const string search = "/Admin/Users?q=hoang+thi+mai";
        var found = await admin.GetStringAsync(search);
        Assert.Contains(email, found, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoAccounts.Citizen, found, StringComparison.Ordinal);

        // The row's own lock form: its hidden id and the antiforgery token, as the button would send them.
        var locked = await PageForm.Parse(found, search, "form[action$='handler=Lock']").PostAsync(admin);
        Assert.Contains($"Đã khóa tài khoản {email}.", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var refused = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email, password = DemoAccounts.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("tạm thời bị khóa", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await (await admin.FormAsync(search, "form[action$='handler=Unlock']")).PostAsync(admin);
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

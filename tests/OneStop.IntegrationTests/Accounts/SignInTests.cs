using System.Net;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Accounts;

public sealed class SignInTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    [Fact]
    public async Task Without_a_configured_national_identity_provider_there_is_no_button_and_nothing_to_post_to()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var login = await client.GetStringAsync("/Account/Login");
        var posted = await client.PostFormAsync("/Account/ExternalLogin", new Dictionary<string, string>(), login);

        Assert.DoesNotContain("data-testid=\"national-identity\"", login, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
    }

    [Fact]
    public async Task Wrong_password_is_refused_without_saying_which_part_was_wrong()
    {
        var response = await app.CreateClient().SignInAsync(DemoAccounts.Citizen, "sai-mat-khau1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("E-mail hoặc mật khẩu không đúng.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repeated_failures_slow_this_client_down_for_that_account_and_never_lock_the_account()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        const string email = "chuyenvien.hctp.stp@demo.onestop.vn";
        for (var i = 0; i < 5; i++)
        {
            await client.SignInAsync(email, "sai-mat-khau" + i);
        }

        var response = await client.SignInAsync(email, DemoAccounts.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Đăng nhập sai nhiều lần từ địa chỉ này", html, StringComparison.Ordinal);
        Assert.DoesNotContain("bị khóa", html, StringComparison.Ordinal);
        await using var db = app.Database.CreateContext();
        var account = db.Users.Single(u => u.Email == email);
        Assert.Null(account.LockoutEnd);
        Assert.Equal(0, account.AccessFailedCount);
    }

    [Theory]
    [InlineData("//evil.example/phish")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task Return_urls_never_leave_the_site(string returnUrl)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.PostFormAsync("/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl), new Dictionary<string, string>
        {
            ["Input.Email"] = DemoAccounts.LeaderSgtvt,
            ["Input.Password"] = DemoAccounts.Password,
            ["ReturnUrl"] = returnUrl,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }
}

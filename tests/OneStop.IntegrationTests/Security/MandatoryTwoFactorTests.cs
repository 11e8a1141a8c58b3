using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Core.Identity;
using OneStop.Infrastructure.Identity;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Security;

/// <summary>Outside a demonstration administrators and leaders must enrol two-factor sign-in before anything else; turning it off needs re-authentication.</summary>
public sealed partial class MandatoryTwoFactorTests(MandatoryTwoFactorTests.App app) : IClassFixture<MandatoryTwoFactorTests.App>
{
    private const string Password = "QuanTri2026xyz";

    /// <summary>Not a demonstration: the rules a real installation runs with.</summary>
    public sealed class App : OneStopAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?> { ["Demo:Enabled"] = "false" }));
        }
    }

    [GeneratedRegex("data-testid=\"totp-key\">([A-Z2-7]+)<")]
    private static partial Regex KeyPattern();

    [Theory]
    [InlineData(Roles.Admin, "/Admin")]
    [InlineData(Roles.Leader, "/Workspace")]
    public async Task An_administrator_or_leader_reaches_nothing_until_enrolled_then_everything(string role, string home)
    {
        var email = await AccountAsync(role);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(email, Password)).StatusCode);

        foreach (var path in (string[])[home, "/", "/thu-tuc", "/Account/Manage"])
        {
            var page = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.StartsWith("/Account/Manage/TwoFactor?returnUrl=", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        var api = await (await app.CreateBearerClientAsync(email, Password)).GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal("Cần bật xác thực hai lớp", (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());

        var setup = await client.GetStringAsync("/Account/Manage/TwoFactor?returnUrl=" + Uri.EscapeDataString(home));
        Assert.Contains("data-testid=\"enrol-required\"", setup, StringComparison.Ordinal);
        var key = KeyPattern().Match(setup).Groups[1].Value;
        var enrolled = await client.PostFormAsync("/Account/Manage/TwoFactor",
            new Dictionary<string, string> { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow), ["ReturnUrl"] = home }, setup);
        Assert.Equal(home, enrolled.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(home)).StatusCode);
    }

    [Theory]
    [InlineData(Roles.Citizen)]
    [InlineData(Roles.Specialist)]
    [InlineData(Roles.Reception)]
    public async Task Citizens_and_other_officials_are_not_forced(string role)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        await client.SignInAsync(await AccountAsync(role), Password);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Manage")).StatusCode);
    }

    [Fact]
    public async Task Turning_two_factor_off_needs_the_current_password_or_a_current_code_and_a_leader_must_then_enrol_again()
    {
        var email = await AccountAsync(Roles.Leader);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        await client.SignInAsync(email, Password);
        var key = KeyPattern().Match(await client.GetStringAsync("/Account/Manage/TwoFactor")).Groups[1].Value;
        await client.PostFormAsync("/Account/Manage/TwoFactor", new Dictionary<string, string> { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });

        var without = await client.PostFormAsync("/Account/Manage/TwoFactor?handler=Disable", new Dictionary<string, string>(),
            await client.GetStringAsync("/Account/Manage/TwoFactor"));
        var wrong = await client.PostFormAsync("/Account/Manage/TwoFactor?handler=Disable",
            new Dictionary<string, string> { ["CurrentPassword"] = "khong-dung-1", ["Code"] = "123456" }, await client.GetStringAsync("/Account/Manage/TwoFactor"));
        Assert.Contains("mật khẩu hiện tại hoặc mã xác thực hiện tại", await without.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("mật khẩu hiện tại hoặc mã xác thực hiện tại", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await TwoFactorEnabledAsync(email));

        var confirmed = await client.PostFormAsync("/Account/Manage/TwoFactor?handler=Disable",
            new Dictionary<string, string> { ["CurrentPassword"] = Password }, await client.GetStringAsync("/Account/Manage/TwoFactor"));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.False(await TwoFactorEnabledAsync(email));
        Assert.StartsWith("/Account/Manage/TwoFactor", (await client.GetAsync("/Workspace")).Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    private async Task<string> AccountAsync(string role)
    {
        var email = $"{role.ToLowerInvariant()}.{Guid.NewGuid():N}@example.com";
        var official = Roles.IsOfficial(role) || role == Roles.Admin;
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<UserProvisioner>().CreateAsync(new NewUser(email, "Người Thử", role,
            official ? "SGTVT" : null, official ? "QLPT" : null, Password, EmailConfirmed: true));
        return email;
    }

    private async Task<bool> TwoFactorEnabledAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<OneStopUser>>();
        return (await users.FindByEmailAsync(email))!.TwoFactorEnabled;
    }
}

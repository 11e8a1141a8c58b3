using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneStop.Infrastructure.Identity;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Security;

/// <summary>The host with a password hasher that counts how often a password is checked against a hash.</summary>
public sealed class CountingHasherAppFactory : OneStopAppFactory
{
    private int _verifications;
    private int _hashes;

    public int Verifications => Volatile.Read(ref _verifications);

    /// <summary>New hashes derived (a password set or, to take the same time, one that is thrown away).</summary>
    public int Hashes => Volatile.Read(ref _hashes);

    public void Reset()
    {
        Interlocked.Exchange(ref _verifications, 0);
        Interlocked.Exchange(ref _hashes, 0);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddScoped<IPasswordHasher<OneStopUser>>(provider =>
            new Counting(new PasswordHasher<OneStopUser>(provider.GetRequiredService<IOptions<PasswordHasherOptions>>()), this)));
    }

    private sealed class Counting(PasswordHasher<OneStopUser> inner, CountingHasherAppFactory owner) : IPasswordHasher<OneStopUser>
    {
        public string HashPassword(OneStopUser user, string password)
        {
            Interlocked.Increment(ref owner._hashes);
            return inner.HashPassword(user, password);
        }

        public PasswordVerificationResult VerifyHashedPassword(OneStopUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref owner._verifications);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}

/// <summary>
/// A sign-in derives the password's hash once, whatever its outcome and on the page and the API alike: a successful one used to
/// derive it twice (the account's check, then Identity's PasswordSignInAsync checking again) — twice the CPU of the commonest
/// request of a busy morning, and a success measurably slower than a failure. A registration derives one for an existing address as
/// for a new one (it derived none, so its quicker answer told that the address has an account).
/// </summary>
public sealed class SignInWorkTests(CountingHasherAppFactory app) : IClassFixture<CountingHasherAppFactory>
{
    [Theory]
    [InlineData(DemoAccounts.Citizen, DemoAccounts.Password, HttpStatusCode.Redirect)]
    [InlineData(DemoAccounts.Citizen, "sai-mat-khau9", HttpStatusCode.OK)]
    [InlineData("khong.ton.tai@example.vn", "sai-mat-khau9", HttpStatusCode.OK)]
    public async Task A_page_sign_in_checks_the_password_once(string email, string password, HttpStatusCode expected)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var page = await client.GetStringAsync("/Account/Login");
        app.Reset();

        var response = await client.PostFormAsync("/Account/Login",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password }, page);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(1, app.Verifications);
    }

    [Theory]
    [InlineData(DemoAccounts.ReceptionSgtvt, DemoAccounts.Password, HttpStatusCode.OK)]
    [InlineData(DemoAccounts.ReceptionSgtvt, "sai-mat-khau9", HttpStatusCode.Unauthorized)]
    public async Task An_api_sign_in_checks_the_password_once(string email, string password, HttpStatusCode expected)
    {
        var client = app.CreateClient();
        app.Reset();

        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(1, app.Verifications);
    }

    [Fact]
    public async Task The_signed_in_cookie_works_after_the_single_check()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(DemoAccounts.Citizen)).StatusCode);

        var me = await client.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Contains(DemoAccounts.Citizen, await me.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registration_derives_a_hash_for_an_existing_address_as_for_a_new_one()
    {
        var page = app.CreateClient(new() { AllowAutoRedirect = false });
        var work = new List<int>();
        foreach (var email in new[] { "cong.bang.moi@example.vn", DemoAccounts.Citizen })
        {
            app.Reset();
            var response = await page.PostFormAsync("/Account/Register", new Dictionary<string, string>
            {
                ["FullName"] = "Lê Thị Công Bằng", ["IdNumber"] = "020099001144", ["Phone"] = "0977111444", ["Email"] = email, ["Password"] = "matkhau123",
            });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            work.Add(app.Hashes);
        }

        var api = app.CreateClient();
        foreach (var email in new[] { "cong.bang.api@example.vn", DemoAccounts.Citizen })
        {
            app.Reset();
            var response = await api.PostAsJsonAsync("/api/v1/auth/register",
                new { email, password = "matkhau123", fullName = "Lê Thị Công Bằng", idNumber = "020099001155", phone = "0977111555" });
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            work.Add(app.Hashes);
        }

        Assert.Equal([1, 1, 1, 1], work);
    }
}

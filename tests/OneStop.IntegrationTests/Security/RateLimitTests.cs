using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Security;

/// <summary>The rate limits at their real values (each test from its own addresses), and sign-in failures that cannot lock anyone out.</summary>
public sealed class RateLimitTests(RateLimitTests.App app) : IClassFixture<RateLimitTests.App>
{
    public sealed class App : OneStopAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            TestClientAddress.Use(builder);
            builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["RateLimiting:Scale"] = "1",
                ["RateLimiting:Policies:submit:PermitLimit"] = "3",
                ["RateLimiting:Policies:anonymous:PermitLimit"] = "60",
            }));
        }
    }

    [Fact]
    public async Task Twenty_wrong_passwords_from_one_address_do_not_stop_the_official_signing_in_from_another()
    {
        var attacker = app.CreateClient(new() { AllowAutoRedirect = false }).From("198.51.100.7");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            statuses.Add((await attacker.SignInAsync(DemoAccounts.LeaderSgtvt, "doan-sai-" + i)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.DoesNotContain(HttpStatusCode.Redirect, statuses);

        var official = app.CreateClient(new() { AllowAutoRedirect = false }).From("203.0.113.20");
        Assert.Equal(HttpStatusCode.Redirect, (await official.SignInAsync(DemoAccounts.LeaderSgtvt)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await official.GetAsync("/Workspace")).StatusCode);
        var api = await app.CreateClient().From("203.0.113.21").PostAsJsonAsync("/api/v1/auth/login",
            new { email = DemoAccounts.LeaderSgtvt, password = DemoAccounts.Password });
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        await using var db = app.Database.CreateContext();
        Assert.Null((await db.Users.SingleAsync(u => u.Email == DemoAccounts.LeaderSgtvt)).LockoutEnd);
    }

    [Fact]
    public async Task The_api_refuses_past_the_limit_with_a_Vietnamese_problem_and_Retry_After_and_other_addresses_go_on()
    {
        var client = app.CreateClient().From("198.51.100.21");
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/lookup/SGTVT-260101-{i:D4}?key=ABCDE-FGHJK")).StatusCode);
        }

        var refused = await client.GetAsync("/api/v1/lookup/SGTVT-260101-0099?key=ABCDE-FGHJK");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Quá nhiều yêu cầu", problem.GetProperty("title").GetString());
        Assert.Contains("Vui lòng thử lại sau", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().From("198.51.100.22").GetAsync("/api/v1/lookup/SGTVT-260101-0099?key=ABCDE-FGHJK")).StatusCode);
    }

    [Fact]
    public async Task A_page_past_the_limit_is_a_Vietnamese_429_page_with_Retry_After()
    {
        var client = app.CreateClient().From("198.51.100.31");
        for (var i = 0; i < 10; i++)
        {
            await client.GetAsync($"/tra-cuu?code=SGTVT-260101-{i:D4}&key=ABCDE-FGHJK");
        }

        var refused = await client.GetAsync("/tra-cuu?code=SGTVT-260101-0042&key=ABCDE-FGHJK");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Quá nhiều yêu cầu", html, StringComparison.Ordinal);
        Assert.Contains("Vui lòng thử lại sau", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/tra-cuu")).StatusCode); // the empty form is not a question
    }

    [Fact]
    public async Task Verification_and_payment_callbacks_are_limited_per_address()
    {
        var client = app.CreateClient().From("198.51.100.41");
        var verify = new List<HttpStatusCode>();
        for (var i = 0; i < 31; i++)
        {
            verify.Add((await client.GetAsync($"/api/v1/verify/KHONG-CO-{i}")).StatusCode);
        }

        var callbacks = new List<HttpStatusCode>();
        for (var i = 0; i < 61; i++)
        {
            callbacks.Add((await client.PostAsync($"/api/v1/payments/callback?paymentId={Guid.NewGuid()}", null)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, verify[^1]);
        Assert.Equal(HttpStatusCode.TooManyRequests, callbacks[^1]);
    }

    [Fact]
    public async Task Submissions_are_limited_per_account_not_per_address()
    {
        var first = await app.CreateBearerClientAsync(DemoAccounts.Citizen);
        var second = await app.CreateBearerClientAsync("hoang.thi.mai@demo.onestop.vn");
        first.From("198.51.100.51");
        second.From("198.51.100.51");
        var body = new { procedureCode = "1.002804", formData = new { } };
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await first.PostAsJsonAsync("/api/v1/dossiers", body)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.Created, (await second.PostAsJsonAsync("/api/v1/dossiers", body)).StatusCode);
    }

    [Fact]
    public async Task Every_anonymous_request_counts_towards_the_address_limit()
    {
        var client = app.CreateClient().From("198.51.100.61");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 61; i++)
        {
            statuses.Add((await client.GetAsync("/api/v1/procedures")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task Asking_for_reset_links_from_many_addresses_sends_at_most_three_mails_an_hour()
    {
        const string victim = "chuyenvien.hctp.stp@demo.onestop.vn";
        for (var i = 0; i < 8; i++)
        {
            var client = app.CreateClient().From($"198.51.100.{70 + i}");
            var response = await client.PostFormAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Email"] = victim });
            Assert.Contains("Nếu e-mail này đã đăng ký", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await app.AccountMailsSentAsync();
        Assert.Equal(3, (await app.Mailbox.MessagesToAsync(victim)).Count);
    }
}

using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Security;

/// <summary>
/// Links OneStop mails come from the configured public address, whatever Host the request named; and outside Development only
/// the public host (and the hosts AllowedHosts names) is served at all.
/// </summary>
public sealed class PublicLinkTests(PublicLinkTests.App app) : IClassFixture<PublicLinkTests.App>
{
    private const string PublicBaseUrl = "https://dichvucong.langson.example";

    /// <summary>The public address is set; "evil.example" is let through the host filter only so the links themselves are tested.</summary>
    public sealed class App : OneStopAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Province:PublicBaseUrl"] = PublicBaseUrl,
                ["AllowedHosts"] = "localhost;evil.example",
            }));
        }
    }

    private HttpClient EvilClient() => app.CreateClient(new WebApplicationFactoryClientOptions
    {
        // https, as the public address is: with it every request is treated as https, so the antiforgery cookie is Secure and a
        // client on http would never send it back.
        BaseAddress = new Uri("https://evil.example"), AllowAutoRedirect = false,
    });

    [Fact]
    public async Task A_password_reset_asked_with_a_forged_Host_mails_a_link_to_the_configured_host()
    {
        var response = await EvilClient().PostFormAsync("/Account/ForgotPassword",
            new Dictionary<string, string> { ["Email"] = DemoAccounts.LeaderSgtvt });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var link = await app.Mailbox.WaitForLinkAsync(DemoAccounts.LeaderSgtvt, "ResetPassword");
        Assert.StartsWith(PublicBaseUrl + "/Account/ResetPassword?", link, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", link, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_registration_with_a_forged_Host_mails_a_confirmation_link_to_the_configured_host()
    {
        const string email = "lien.ket@example.com";
        var response = await EvilClient().PostFormAsync("/Account/Register", new Dictionary<string, string>
        {
            ["FullName"] = "Trần Liên Kết", ["IdNumber"] = "001203009876", ["Phone"] = "0912345678", ["Email"] = email, ["Password"] = "matkhau123",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var link = await app.Mailbox.WaitForLinkAsync(email, "ConfirmEmail");
        Assert.StartsWith(PublicBaseUrl + "/Account/ConfirmEmail?", link, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_that_is_neither_public_nor_allowed_is_refused_outside_development()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://attacker.example") });

        var page = await client.GetAsync("/Account/ForgotPassword");
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        var publicHost = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(PublicBaseUrl) });
        Assert.Equal(HttpStatusCode.OK, (await publicHost.GetAsync("/Account/ForgotPassword")).StatusCode);
    }
}

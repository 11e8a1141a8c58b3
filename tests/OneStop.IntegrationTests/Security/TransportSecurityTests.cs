using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Security;

/// <summary>Secure cookies and HSTS behind a TLS proxy or with an https public address; no API reference UI in production.</summary>
public sealed class TransportSecurityTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private DirectoryInfo _folder = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _folder = Directory.CreateTempSubdirectory("onestop-tls-");
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task In_production_with_an_https_public_address_cookies_are_secure_hsts_is_sent_and_scalar_is_off()
    {
        await using var host = Production(new());
        var client = host.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("http://dichvucong.langson.example"), AllowAutoRedirect = false, HandleCookies = false,
        });

        // Plain http reaches the app (a TLS proxy whose forwarded headers are not configured): the public address decides.
        var login = await client.GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(TransportSecurityHeader, login.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.All(login.Headers.GetValues("Set-Cookie"), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        var signIn = await SignInAsync(host, client, await login.Content.ReadAsStringAsync(), login.Headers.GetValues("Set-Cookie"));
        var auth = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("onestop.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", auth, StringComparison.OrdinalIgnoreCase);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/scalar/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/openapi/v1.json")).StatusCode);
    }

    [Fact]
    public async Task The_api_reference_ui_can_be_turned_on_in_production_by_a_setting()
    {
        await using var host = Production(new() { ["OpenApi:ShowReference"] = "true" });
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://dichvucong.langson.example") });

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/scalar/")).StatusCode);
    }

    [Fact]
    public async Task Behind_a_known_tls_proxy_cookies_are_secure_even_with_an_http_public_address()
    {
        await using var host = new BehindProxy();
        await host.InitializeAsync();
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add(TestClientAddress.Header, "10.10.0.5");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.50");

        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var https = await client.GetAsync("/Account/Login");
        client.DefaultRequestHeaders.Remove("X-Forwarded-Proto");
        var http = await client.GetAsync("/Account/Login");

        Assert.All(https.Headers.GetValues("Set-Cookie"), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.NotEmpty(https.Headers.GetValues("Strict-Transport-Security"));
        Assert.All(http.Headers.GetValues("Set-Cookie"), c => Assert.DoesNotContain("secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.False(http.Headers.Contains("Strict-Transport-Security"));
        await ((IAsyncLifetime)host).DisposeAsync();
    }

    private const string TransportSecurityHeader = "max-age=31536000";

    private static async Task<HttpResponseMessage> SignInAsync(WebApplicationFactory<Program> host, HttpClient client, string page, IEnumerable<string> cookies)
    {
        var token = PageForms.AntiforgeryToken(page) ?? string.Empty;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = DemoAccounts.Citizen, ["Input.Password"] = DemoAccounts.Password, ["__RequestVerificationToken"] = token,
            }),
        };
        request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => c.Split(';')[0])));
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response;
    }

    /// <summary>A deliberate demonstration in Production (the test database holds the demo accounts) with an https public address.</summary>
    private WebApplicationFactory<Program> Production(Dictionary<string, string?> extra) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            var settings = new Dictionary<string, string?>
            {
                ["ConnectionStrings:OneStop"] = _database.ConnectionString,
                ["Workflows:BackgroundProcessing"] = "false",
                ["Demo:Enabled"] = "true",
                ["Province:PublicBaseUrl"] = "https://dichvucong.langson.example",
                ["DataProtection:CertificatePath"] = Path.Combine(_folder.FullName, "dp.pfx"),
                ["DataProtection:CertificatePassword"] = "mat-khau-chung-chi",
                ["DataProtection:CreateCertificateIfMissing"] = "true",
                ["Email:PickupDirectory"] = Path.Combine(_folder.FullName, "mail"),
                ["FileStore:Root"] = Path.Combine(_folder.FullName, "files"),
            };
            foreach (var (key, value) in extra.Concat(settings.Where(s => !extra.ContainsKey(s.Key))))
            {
                builder.UseSetting(key, value);
            }
        });

    private sealed class BehindProxy : OneStopAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            TestClientAddress.Use(builder);
            builder.UseSetting("ForwardedHeaders:KnownProxies:0", "10.10.0.5");
        }
    }
}

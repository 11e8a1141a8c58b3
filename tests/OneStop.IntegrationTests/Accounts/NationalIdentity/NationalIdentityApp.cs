using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Accounts.NationalIdentity;

/// <summary>
/// The OneStop app on a real Kestrel port, configured with the national identity provider <see cref="Provider"/> (also on Kestrel), so a
/// test drives the whole redirect dance over sockets: app → provider → app callback → back-channel token request.
/// </summary>
public sealed class NationalIdentityApp : OneStopAppFactory
{
    private int _port;

    public TestIdentityProvider Provider { get; private set; } = null!;

    /// <summary>The app's public address (Province:PublicBaseUrl), which is also where Kestrel listens.</summary>
    public Uri PublicAddress => new($"http://localhost:{_port}");

    public const string CallbackPath = "/signin-vneid";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Provider = await TestIdentityProvider.StartAsync();
        _port = FreePort();
        Provider.RegisteredRedirectUri = PublicAddress + CallbackPath.TrimStart('/');
        UseKestrel(_port);
        StartServer();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Provider is not null)
        {
            await Provider.DisposeAsync();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["Province:PublicBaseUrl"] = PublicAddress.ToString().TrimEnd('/'),
            ["NationalIdentity:Authority"] = Provider.Authority.ToString(),
            ["NationalIdentity:ClientId"] = TestIdentityProvider.ClientId,
            ["NationalIdentity:ClientSecret"] = TestIdentityProvider.ClientSecret,
            ["NationalIdentity:CallbackPath"] = CallbackPath,
            ["NationalIdentity:RequireHttpsMetadata"] = "false",
            ["NationalIdentity:Claims:IdentityNumber"] = TestIdentityProvider.IdentityNumberClaim,
        })
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A browser of its own: cookies kept, redirects followed by the test.</summary>
    public HttpClient NewBrowser(CookieContainer? cookies = null) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies ?? new CookieContainer() })
    {
        BaseAddress = PublicAddress,
    };

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

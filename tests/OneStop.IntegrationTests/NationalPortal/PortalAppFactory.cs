using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Infrastructure.NationalPortal;
using OneStop.Testing;

namespace OneStop.IntegrationTests.NationalPortal;

/// <summary>
/// The app with national-portal synchronisation on and its simulator as the portal: the adapter's HttpClient reaches the simulator of
/// the same host through the test server (each host, including one made with WithWebHostBuilder, its own).
/// </summary>
public class PortalAppFactory : OneStopAppFactory
{
    public const int MaxAttempts = 3;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["NationalPortal:Enabled"] = "true",
            ["NationalPortal:Simulator:Enabled"] = "true",
            ["NationalPortal:BaseUrl"] = "http://localhost/api/v1/national-portal/simulator",
            ["NationalPortal:MaxAttempts"] = MaxAttempts.ToString(CultureInfo.InvariantCulture),
        }));
        builder.ConfigureTestServices(services => services.AddHttpClient(NationalPortalOptions.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(provider => ((TestServer)provider.GetRequiredService<IServer>()).CreateHandler()));
    }

    /// <summary>Delivers what waits in the national-portal outbox (the background service does it on a running host).</summary>
    public static async Task<int> DeliverAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NationalPortalDispatcher>().DispatchAsync(1000);
    }

    /// <summary>A request signed as the national portal signs (the development key, which the test host accepts).</summary>
    public static HttpRequestMessage Signed(string path, string body, string key = NationalPortalOptions.DevelopmentKey, DateTimeOffset? at = null)
    {
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(PortalSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(PortalSignature.SignatureHeader, PortalSignature.Sign(key, timestamp, body));
        return request;
    }
}

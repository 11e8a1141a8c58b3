using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Workspace;

/// <summary>
/// Behind the province's reverse proxy the journal records the client's address from X-Forwarded-For — only when the request
/// comes from a proxy named in configuration. Each request's direct peer is chosen by the test (the X-Test-Peer header, read
/// before the forwarded-headers middleware runs).
/// </summary>
public sealed class ForwardedHeadersTests(ForwardedHeadersTests.BehindProxy app) : IClassFixture<ForwardedHeadersTests.BehindProxy>
{
    public const string Proxy = "10.20.30.40";
    public const string Client = "198.51.100.23";

    /// <summary>The app configured with one known proxy and one known network.</summary>
    public sealed class BehindProxy : OneStopAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ForwardedHeaders:KnownProxies:0"] = Proxy,
                ["ForwardedHeaders:KnownNetworks:0"] = "192.0.2.0/28",
            }));
            Peers.Use(builder);
        }
    }

    [Fact]
    public async Task From_a_known_proxy_the_journal_and_the_audit_log_record_the_forwarded_client_address()
    {
        Assert.Equal(Client, await ApologyAddressAsync(app, Proxy, Client));
        Assert.Equal("203.0.113.77", await ApologyAddressAsync(app, "192.0.2.9", "203.0.113.77"));   // a proxy of the known network
    }

    [Fact]
    public async Task From_any_other_peer_the_header_is_ignored_and_the_peer_is_recorded()
    {
        Assert.Equal("10.99.0.1", await ApologyAddressAsync(app, "10.99.0.1", Client));
    }

    /// <summary>The counter official issues an apology through the page; returns the address its journal entry (and audit line) carries.</summary>
    internal static async Task<string?> ApologyAddressAsync(OneStopAppFactory app, string peer, string forwardedFor)
    {
        var scenario = new DossierScenario(app.Services);
        var dossier = await scenario.SubmitDrivingLicenceAsync();
        await scenario.ActAsync(dossier, "accept", DemoAccounts.ReceptionSgtvt, "Reception", "MOTCUA");
        var counter = app.CreateClient();
        counter.DefaultRequestHeaders.Add(Peers.Header, peer);
        counter.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        await counter.SignInAsync(DemoAccounts.ReceptionSgtvt);
        var date = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(45));
        Assert.StartsWith("message: Đã phát hành văn bản xin lỗi", await counter.PostHandlerAsync(dossier.Id, "Apology", new Dictionary<string, string>
        {
            ["NewDate"] = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Reason"] = "Chờ kết quả xác minh.",
        }), StringComparison.Ordinal);

        await using var db = app.Database.CreateContext();
        var journal = await db.WorkflowJournal.SingleAsync(j => j.DossierCode == dossier.Code && j.Kind == OneStop.Workflows.Runtime.State.JournalKind.Apologised);
        var audit = await db.AuditLog.SingleAsync(a => a.DossierId == dossier.Code && a.Action == "dossier.apologised");
        Assert.Equal(journal.ActorAddress, audit.Ip);
        return journal.ActorAddress;
    }
}

/// <summary>The same app with no proxy configured (the default): X-Forwarded-For is never believed.</summary>
public sealed class ForwardedHeadersByDefaultTests(ForwardedHeadersByDefaultTests.NoProxy app) : IClassFixture<ForwardedHeadersByDefaultTests.NoProxy>
{
    public sealed class NoProxy : OneStopAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            Peers.Use(builder);
        }
    }

    [Fact]
    public async Task Without_a_configured_proxy_the_header_is_ignored_even_from_loopback()
    {
        Assert.Equal(ForwardedHeadersTests.Proxy, await ForwardedHeadersTests.ApologyAddressAsync(app, ForwardedHeadersTests.Proxy, ForwardedHeadersTests.Client));
        Assert.Equal("127.0.0.1", await ForwardedHeadersTests.ApologyAddressAsync(app, "127.0.0.1", ForwardedHeadersTests.Client));
    }
}

/// <summary>Sets each request's direct peer from a test header, ahead of the app's own pipeline.</summary>
internal static class Peers
{
    public const string Header = "X-Test-Peer";

    public static void Use(IWebHostBuilder builder) =>
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, PeerFilter>());

    private sealed class PeerFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate inner) =>
            {
                if (context.Request.Headers[Header].ToString() is { Length: > 0 } peer)
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
                }

                return inner(context);
            });
            next(app);
        };
    }
}

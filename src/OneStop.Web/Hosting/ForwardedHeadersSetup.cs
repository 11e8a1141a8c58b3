using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace OneStop.Web.Hosting;

/// <summary>
/// Which reverse proxies may tell us the client's address (X-Forwarded-For) and scheme (X-Forwarded-Proto), from configuration
/// (<c>ForwardedHeaders:KnownProxies</c>, <c>ForwardedHeaders:KnownNetworks</c> in CIDR notation, <c>ForwardedHeaders:ForwardLimit</c>).
/// Nothing is trusted by default: with neither list set the headers are ignored, so a client cannot choose the address the journal
/// and the audit log record. ASP.NET Core's own defaults (loopback) and ASPNETCORE_FORWARDEDHEADERS_ENABLED (trust everyone) are
/// replaced by these settings.
/// </summary>
internal static class ForwardedHeadersSetup
{
    public const string Section = "ForwardedHeaders";

    public static WebApplicationBuilder AddForwardedHeaders(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((options, configuration) =>
            Apply(options, configuration.GetSection(Section)));
        return builder;
    }

    internal static void Apply(ForwardedHeadersOptions options, IConfigurationSection section)
    {
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var entry in Entries(section.GetSection("KnownProxies")))
        {
            options.KnownProxies.Add(IPAddress.TryParse(entry, out var address) ? address
                : throw new InvalidOperationException($"{Section}:KnownProxies: '{entry}' không phải địa chỉ IP (is not an IP address)."));
        }

        foreach (var entry in Entries(section.GetSection("KnownNetworks")))
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(entry, out var network) ? network
                : throw new InvalidOperationException($"{Section}:KnownNetworks: '{entry}' không phải dải địa chỉ CIDR, ví dụ 10.0.0.0/24 (is not a CIDR range)."));
        }

        if (options.KnownProxies.Count == 0 && options.KnownIPNetworks.Count == 0)
        {
            // An empty list would make the middleware trust any peer: process no forwarded header at all instead.
            options.ForwardedHeaders = ForwardedHeaders.None;
            return;
        }

        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.ForwardLimit = section.GetValue<int?>("ForwardLimit") is { } limit and > 0 ? limit : 1;
    }

    /// <summary>A list from configuration: array entries (appsettings, Section__Key__0) or one comma-separated value.</summary>
    private static IEnumerable<string> Entries(IConfigurationSection list) =>
        list.GetChildren().Select(c => c.Value ?? string.Empty).Concat((list.Value ?? string.Empty).Split(','))
            .Select(e => e.Trim()).Where(e => e.Length > 0);
}

using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Primitives;
using OneStop.Infrastructure.Links;

namespace OneStop.Web.Security;

/// <summary>
/// Outside Development only requests for the public host (Province:PublicBaseUrl, or what /Admin/Settings saved) and the hosts
/// AllowedHosts names are served; "*" is never honoured there. The check follows the public address as an administrator changes it,
/// which ASP.NET Core's own host filtering (configured once at start) would not, so that one is left open and this one decides.
/// /health stays reachable by whatever name a load balancer or container probe uses; it builds no links and shows nothing.
/// </summary>
internal static class PublicHostFiltering
{
    public static WebApplicationBuilder AddPublicHostFiltering(this WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment())
        {
            builder.Services.PostConfigure<HostFilteringOptions>(o => o.AllowedHosts = ["*"]);
        }

        return builder;
    }

    public static IApplicationBuilder UsePublicHostFiltering(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            return app;
        }

        var configured = (app.Configuration["AllowedHosts"] ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(h => h != "*")
            .ToArray();
        var links = app.Services.GetRequiredService<PublicLinks>();
        return app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/health") || Allowed(context.Request.Host, links.Host, configured))
            {
                return next(context);
            }

            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            return context.Response.WriteAsync("Yêu cầu không hợp lệ: tên máy chủ không được phục vụ (invalid host name).");
        });
    }

    internal static bool Allowed(HostString host, string publicHost, IReadOnlyList<string> configured) =>
        host.HasValue && publicHost.Length > 0
        && HostString.MatchesAny(new StringSegment(host.Value), [new StringSegment(publicHost), .. configured.Select(c => new StringSegment(c))]);
}

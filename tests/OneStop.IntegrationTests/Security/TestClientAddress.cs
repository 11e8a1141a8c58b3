using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace OneStop.IntegrationTests.Security;

/// <summary>Lets a test say which address a request comes from (header X-Test-Client), as a real client's connection would.</summary>
internal static class TestClientAddress
{
    public const string Header = "X-Test-Client";

    public static void Use(IWebHostBuilder builder) => builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, Filter>());

    public static HttpClient From(this HttpClient client, string address)
    {
        client.DefaultRequestHeaders.Remove(Header);
        client.DefaultRequestHeaders.Add(Header, address);
        return client;
    }

    private sealed class Filter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate inner) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return inner(context);
            });
            next(app);
        };
    }
}

using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace OneStop.BrowserTests.Admin.Designer;

/// <summary>The browser app with the webhook the driving-licence workflow calls configured, so the designer offers it.</summary>
public sealed class DesignerApp : BrowserApp
{
    public const string Webhook = "vnpost-delivery";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"Workflows:Webhooks:{Webhook}:Url"] = "http://127.0.0.1:9/vnpost",
        }));
    }
}

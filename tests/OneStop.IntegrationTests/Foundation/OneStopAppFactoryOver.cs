using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Foundation;

/// <summary>A host over a database the test made itself (e.g. an empty one).</summary>
internal sealed class OneStopAppFactoryOver(TestDatabase database) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:OneStop"] = database.ConnectionString,
        }));
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Npgsql;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Operations;

/// <summary>
/// Found by the hot-path benchmark's open loop on a saturated machine: when every pooled connection is busy, the request that waits
/// for one past the pool's timeout got a 500. An overloaded or unreachable database is a 503 problem with Retry-After: come back
/// shortly, nothing half-done.
/// </summary>
public sealed class DatabaseUnavailableTests : IClassFixture<DatabaseUnavailableTests.PoolOfOne>
{
    private readonly PoolOfOne _app;

    public DatabaseUnavailableTests(PoolOfOne app) => _app = app;

    [Fact]
    public async Task An_exhausted_connection_pool_is_a_503_problem_with_retry_after_and_the_next_request_is_served()
    {
        var client = _app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/procedures?q=giay")).StatusCode);

        HttpResponseMessage busy;
        HttpResponseMessage page;
        // The app's pool is keyed by its connection string (as the app uses it) and lives in this process: holding its one
        // connection exhausts it.
        await using (var held = new NpgsqlConnection(OneStop.Infrastructure.Data.DatabaseOptions.Effective(_app.ConnectionString)))
        {
            await held.OpenAsync();
            // Another search than the one above: that one is answered from the catalogue's output cache, without a connection.
            busy = await client.GetAsync("/api/v1/procedures?q=lai+xe");
            page = await client.GetAsync("/thu-tuc?q=giay");
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Contains("Hệ thống đang bận", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        Assert.Equal("5", busy.Headers.GetValues("Retry-After").Single());
        var problem = await busy.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("https://onestop.vn/errors/unavailable", problem.GetProperty("type").GetString());
        Assert.Contains("thử lại sau ít phút", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/procedures?q=khai+sinh")).StatusCode);
    }

    /// <summary>The app with a pool of one connection that gives up waiting after one second.</summary>
    public sealed class PoolOfOne : OneStopAppFactory
    {
        public string ConnectionString => new NpgsqlConnectionStringBuilder(Database.ConnectionString) { MaxPoolSize = 1, Timeout = 1 }.ConnectionString;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:OneStop"] = ConnectionString,
            }));
        }
    }
}

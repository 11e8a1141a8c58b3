using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OneStop.Infrastructure.Observability;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Operations;

/// <summary>
/// /health/live says the process answers; /health/ready (and /health, kept for existing probes) that the instance can serve: database
/// reachable and migrated, file store writable, background processing alive.
/// </summary>
public sealed class HealthEndpointsTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    [Fact]
    public async Task Live_runs_no_check_and_ready_runs_the_database_the_file_store_and_the_background_service()
    {
        var client = app.CreateClient();

        var (liveStatus, live) = await GetAsync(client, "/health/live");
        var (readyStatus, ready) = await GetAsync(client, "/health/ready");
        var (legacyStatus, legacy) = await GetAsync(client, "/health");

        Assert.Equal(HttpStatusCode.OK, liveStatus);
        Assert.Equal("Healthy", live.GetProperty("status").GetString());
        Assert.Empty(live.GetProperty("checks").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, readyStatus);
        Assert.Equal(["background", "database", "files"], Checks(ready).Keys.Order(StringComparer.Ordinal));
        Assert.All(Checks(ready).Values, s => Assert.Equal("Healthy", s));
        Assert.Equal(HttpStatusCode.OK, legacyStatus);
        Assert.Equal(Checks(ready).Keys.Order(StringComparer.Ordinal), Checks(legacy).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_unmigrated_database_makes_the_instance_not_ready_but_still_live()
    {
        await using var database = await TestDatabase.CreateEmptyAsync();
        await using var factory = Host(database.ConnectionString, Path.Combine(Path.GetTempPath(), "onestop-health-" + Guid.NewGuid().ToString("N")));
        var client = factory.CreateClient();

        var (readyStatus, ready) = await GetAsync(client, "/health/ready");
        var (liveStatus, _) = await GetAsync(client, "/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyStatus);
        Assert.Equal("Unhealthy", Checks(ready)["database"]);
        Assert.Contains("not applied", Descriptions(ready)["database"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, liveStatus);
    }

    [Fact]
    public async Task A_host_started_while_the_database_is_unreachable_starts_live_and_not_ready()
    {
        // Found by the soak test: a host restarted while PostgreSQL restarted died in its start-up (the settings' secrets were
        // sealed before the host started, and the query failed). Nothing listens on port 1: every connection is refused at once.
        var unreachable = new Npgsql.NpgsqlConnectionStringBuilder(app.Database.ConnectionString) { Port = 1, Timeout = 1 }.ConnectionString;
        await using var factory = Host(unreachable, Path.Combine(Path.GetTempPath(), "onestop-health-" + Guid.NewGuid().ToString("N")));
        var client = factory.CreateClient();

        var (readyStatus, ready) = await GetAsync(client, "/health/ready");
        var (liveStatus, _) = await GetAsync(client, "/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyStatus);
        Assert.Equal("Unhealthy", Checks(ready)["database"]);
        Assert.Equal(HttpStatusCode.OK, liveStatus);
    }

    [Fact]
    public async Task A_file_store_that_cannot_be_written_makes_the_instance_not_ready()
    {
        // A directory cannot be made under a regular file, whoever the process runs as.
        var file = Path.GetTempFileName();
        try
        {
            await using var factory = Host(app.Database.ConnectionString, Path.Combine(file, "files"));

            var (status, ready) = await GetAsync(factory.CreateClient(), "/health/ready");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Equal("Unhealthy", Checks(ready)["files"]);
            Assert.Equal("Healthy", Checks(ready)["database"]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_background_service_that_stopped_polling_makes_the_instance_not_ready()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var factory = Host(app.Database.ConnectionString, Path.Combine(Path.GetTempPath(), "onestop-health-" + Guid.NewGuid().ToString("N")),
            new() { ["Workflows:BackgroundProcessing"] = "true", ["Workflows:PollSeconds"] = "600" }, clock);
        var client = factory.CreateClient();
        var heartbeat = factory.Services.GetRequiredService<BackgroundHeartbeat>();
        // The first poll runs as the host starts; the next would come ten minutes later (real time), so the clock alone moves.
        for (var i = 0; i < 600 && heartbeat.LastSuccess is null; i++)
        {
            await Task.Delay(100);
        }

        Assert.NotNull(heartbeat.LastSuccess);
        Assert.Equal("Healthy", Checks((await GetAsync(client, "/health/ready")).Body)["background"]);

        clock.Advance(TimeSpan.FromHours(2));
        var (status, ready) = await GetAsync(client, "/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", Checks(ready)["background"]);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "/health/live")).Status);
    }

    private static WebApplicationFactory<Program> Host(string connectionString, string fileRoot, Dictionary<string, string?>? settings = null,
        TimeProvider? clock = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            var values = new Dictionary<string, string?>
            {
                ["ConnectionStrings:OneStop"] = connectionString,
                ["Workflows:BackgroundProcessing"] = "false",
                ["Serilog:MinimumLevel:Default"] = "Fatal",
                ["Email:PickupDirectory"] = Path.Combine(Path.GetTempPath(), "onestop-health-mail"),
                ["FileStore:Root"] = fileRoot,
            };
            foreach (var (key, value) in settings ?? [])
            {
                values[key] = value;
            }

            builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(values));
            if (clock is not null)
            {
                builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton(clock)));
            }
        });

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static Dictionary<string, string> Checks(JsonElement report) =>
        report.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString()!);

    private static Dictionary<string, string> Descriptions(JsonElement report) =>
        report.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("description").GetString() ?? "");
}

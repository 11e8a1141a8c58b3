using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Deployment;

/// <summary>What docker compose relies on: Startup:MigrateDatabase and Startup:SeedDemo prepare an empty database.</summary>
public sealed class StartupMigrationTests
{
    [Fact]
    public async Task The_host_migrates_and_seeds_an_empty_database_before_serving_when_configured()
    {
        await using var database = await TestDatabase.CreateEmptyAsync();
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:OneStop"] = database.ConnectionString,
                ["Startup:MigrateDatabase"] = "true",
                ["Startup:SeedDemo"] = "true",
            }));
        });

        var health = await factory.CreateClient().GetStringAsync("/health");

        Assert.Contains("Healthy", health, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.True(await db.Users.AnyAsync(u => u.Email == DemoAccounts.Admin));
    }
}

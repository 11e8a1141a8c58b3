using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Infrastructure.Data;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Portal;

/// <summary>The anonymous catalogue from the output cache: served without reading again, dropped when a change of it is committed.</summary>
public sealed class CatalogueCacheTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    private const string BirthRegistration = "1.001193";
    private const string Construction = "1.009994";

    [Fact]
    public async Task A_search_is_answered_from_the_cache_until_a_committed_change_of_the_catalogue_on_this_host_drops_it()
    {
        var client = app.CreateClient();
        Assert.Equal(1, await TotalAsync(client, "khai sinh"));
        Assert.Contains(BirthRegistration, await client.GetStringAsync("/thu-tuc?q=khai+sinh"), StringComparison.Ordinal);

        // A change this host's app does not make (another host's; here a context outside the app): the cached answer stays.
        await using (var outside = app.Database.CreateContext())
        {
            (await outside.Procedures.SingleAsync(p => p.Code == BirthRegistration)).Deactivate();
            await outside.SaveChangesAsync();
        }

        Assert.Equal(1, await TotalAsync(client, "khai sinh"));
        Assert.Contains(BirthRegistration, await client.GetStringAsync("/thu-tuc?q=khai+sinh"), StringComparison.Ordinal);

        // Any committed change of the catalogue through the app drops every cached search: the first change is seen at once.
        await SaveInAppAsync(async db => (await db.Procedures.SingleAsync(p => p.Code == Construction)).Deactivate());
        Assert.Equal(0, await TotalAsync(client, "khai sinh"));
        Assert.Equal(0, await TotalAsync(client, Construction));
        Assert.DoesNotContain(BirthRegistration, await client.GetStringAsync("/thu-tuc?q=khai+sinh"), StringComparison.Ordinal);

        await SaveInAppAsync(async db =>
        {
            foreach (var procedure in await db.Procedures.Where(p => p.Code == BirthRegistration || p.Code == Construction).ToListAsync())
            {
                procedure.Publish();
            }
        });
        Assert.Equal(1, await TotalAsync(client, "khai sinh"));
        Assert.Equal(1, await TotalAsync(client, Construction));
    }

    [Fact]
    public async Task A_change_rolled_back_drops_nothing_and_a_signed_in_search_is_never_cached()
    {
        var anonymous = app.CreateClient();
        Assert.Equal(1, await TotalAsync(anonymous, "ly lich tu phap"));
        await using (var outside = app.Database.CreateContext())
        {
            (await outside.Procedures.SingleAsync(p => p.Code == "2.000488")).Deactivate();
            await outside.SaveChangesAsync();
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            (await db.Procedures.SingleAsync(p => p.Code == Construction)).Deactivate();
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        Assert.Equal(1, await TotalAsync(anonymous, "ly lich tu phap"));
        var citizen = await app.CreateBearerClientAsync(DemoAccounts.Citizen);
        Assert.Equal(0, await TotalAsync(citizen, "ly lich tu phap"));

        await using (var outside = app.Database.CreateContext())
        {
            (await outside.Procedures.SingleAsync(p => p.Code == "2.000488")).Publish();
            await outside.SaveChangesAsync();
        }
    }

    private async Task SaveInAppAsync(Func<OneStopDbContext, Task> change)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        await change(db);
        await db.SaveChangesAsync();
    }

    private static async Task<int> TotalAsync(HttpClient client, string q) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/procedures?q={Uri.EscapeDataString(q)}")).GetProperty("total").GetInt32();
}

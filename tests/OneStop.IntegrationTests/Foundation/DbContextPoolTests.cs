using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Infrastructure.Data;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Foundation;

/// <summary>Contexts are pooled: the next scope gets a used one back as new — no tracked entity, no open transaction, no savepoints.</summary>
public sealed class DbContextPoolTests
{
    [Fact]
    public async Task A_context_leased_again_keeps_nothing_of_the_request_before()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var host = new ServiceHost(database);
        OneStopDbContext? first = null;
        await host.InScopeAsync(async services =>
        {
            first = services.GetRequiredService<OneStopDbContext>();
            var agency = await first.Agencies.FirstAsync();
            agency.Rename(agency.Name + " (đổi)", agency.Identifier);
            first.Database.AutoSavepointsEnabled = true;
            // A request that fails mid-transaction: the transaction is left open, nothing saved.
            await first.Database.BeginTransactionAsync();
            return 0;
        });

        await host.InScopeAsync(async services =>
        {
            var second = services.GetRequiredService<OneStopDbContext>();
            Assert.Same(first, second);
            Assert.Empty(second.ChangeTracker.Entries());
            Assert.Null(second.Database.CurrentTransaction);
            Assert.False(second.Database.AutoSavepointsEnabled);
            Assert.False(await second.Agencies.AnyAsync(a => a.Name.Contains("(đổi)")));
            return 0;
        });
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Infrastructure.Data;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Foundation;

/// <summary>
/// A compiled query is compiled once per model and runs on every context of that model; a context of another model (another host,
/// as tests make) gets its own, where EF Core would refuse the first one.
/// </summary>
public sealed class CompiledQueriesTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    [Fact]
    public async Task A_query_is_compiled_once_per_model_and_runs_on_contexts_of_each()
    {
        var compiled = 0;
        var count = new CompiledQueries<Func<OneStopDbContext, string, CancellationToken, Task<int>>>(() =>
        {
            compiled++;
            return EF.CompileAsyncQuery((OneStopDbContext db, string code, CancellationToken _) => db.Procedures.Count(p => p.Code == code));
        });

        await using var database = await TestDatabase.CreateAsync();
        await using (var first = database.CreateContext())
        await using (var second = database.CreateContext())
        {
            Assert.Same(first.Model, second.Model);
            var expected = await first.Procedures.CountAsync(p => p.Code == "1.001757");
            Assert.Equal(expected, await count.For(first)(first, "1.001757", CancellationToken.None));
            Assert.Equal(expected, await count.For(second)(second, "1.001757", CancellationToken.None));
        }

        Assert.Equal(1, compiled);

        using var scope = app.Services.CreateScope();
        var hosted = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        Assert.Equal(await hosted.Procedures.CountAsync(p => p.Code == "1.001757"), await count.For(hosted)(hosted, "1.001757", CancellationToken.None));
        Assert.Equal(2, compiled);
    }
}

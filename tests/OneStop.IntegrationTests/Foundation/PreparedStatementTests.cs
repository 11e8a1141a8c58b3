using Microsoft.EntityFrameworkCore;
using Npgsql;
using OneStop.Infrastructure.Data;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Foundation;

/// <summary>The connection string OneStop uses: statements run again are prepared on the server, unless the operator says otherwise.</summary>
public sealed class PreparedStatementTests
{
    [Fact]
    public void Auto_preparation_is_on_by_default_and_an_explicit_setting_is_kept()
    {
        const string plain = "Host=db.example;Database=onestop;Username=onestop";
        var effective = new NpgsqlConnectionStringBuilder(DatabaseOptions.Effective(plain));
        Assert.Equal(DatabaseOptions.DefaultMaxAutoPrepare, effective.MaxAutoPrepare);
        Assert.Equal(2, effective.AutoPrepareMinUsages);
        Assert.Equal("db.example", effective.Host);

        // Behind a proxy that pools by transaction the operator turns it off, and that stands.
        foreach (var written in new[] { plain + ";Max Auto Prepare=0", plain + ";maxautoprepare=0", plain + ";MAX AUTO PREPARE=5" })
        {
            Assert.Equal(written, DatabaseOptions.Effective(written));
        }
    }

    [Fact]
    public async Task A_query_run_twice_on_a_connection_is_prepared_on_the_server()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        await db.Database.OpenConnectionAsync();
        for (var i = 0; i < 3; i++)
        {
            await db.Agencies.AsNoTracking().Where(a => a.Code == "SGTVT").Select(a => a.Name).SingleAsync();
        }

        var prepared = await db.Database.SqlQuery<string>($"SELECT statement AS \"Value\" FROM pg_prepared_statements").ToListAsync();
        Assert.Contains(prepared, s => s.Contains("FROM agencies", StringComparison.Ordinal));
    }
}

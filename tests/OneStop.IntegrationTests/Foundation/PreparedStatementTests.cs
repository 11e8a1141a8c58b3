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
        foreach (var (written, expected) in new[] { (plain + ";Max Auto Prepare=0", 0), (plain + ";maxautoprepare=0", 0), (plain + ";MAX AUTO PREPARE=5", 5) })
        {
            Assert.Equal(expected, new NpgsqlConnectionStringBuilder(DatabaseOptions.Effective(written)).MaxAutoPrepare);
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

    [Fact]
    public async Task A_value_PostgreSQL_would_refuse_while_binding_is_refused_before_it_is_sent_and_the_prepared_statement_stays_sound()
    {
        // Npgsql records a statement as prepared once PostgreSQL has parsed it: a NUL refused at the bind of the execution that prepares
        // it (the second) left the statement without its row description, and the next execution on that connection failed with
        // "Received unexpected backend message DataRow" — a 500 for whoever came next (CI, at a sign-in).
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        await db.Database.OpenConnectionAsync();
        Task<List<string>> Names(string code) => db.Agencies.AsNoTracking().Where(a => a.Code == code).Select(a => a.Name).ToListAsync();

        Assert.Single(await Names("SGTVT"));
        await Assert.ThrowsAsync<InvalidCharactersException>(() => Names("SG\0TVT"));
        Assert.Single(await Names("SGTVT"));
        Assert.Single(await Names("SGTVT"));

        // In a save EF Core wraps it; nothing was written.
        var agency = await db.Agencies.FirstAsync(a => a.Code == "SGTVT");
        db.Entry(agency).Property(a => a.Name).CurrentValue = "Sở\0";
        var save = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.IsType<InvalidCharactersException>(save.InnerException);
        db.ChangeTracker.Clear();
        Assert.DoesNotContain('\0', Assert.Single(await Names("SGTVT")));
    }

    [Fact]
    public async Task A_value_PostgreSQL_refused_anyway_retires_the_connection_so_no_half_prepared_statement_is_used_again()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        await db.Database.OpenConnectionAsync();
        var before = await db.Database.SqlQuery<int>($"SELECT pg_backend_pid() AS \"Value\"").SingleAsync();
        var refused = await Assert.ThrowsAsync<PostgresException>(() =>
            db.Database.SqlQuery<string>($"SELECT convert_from('\\x610062'::bytea, 'UTF8') AS \"Value\"").SingleAsync());
        Assert.Equal(PostgresErrorCodes.CharacterNotInRepertoire, refused.SqlState);
        await db.Database.CloseConnectionAsync();

        // The pool closed that connection when it came back: the next one is another server process.
        await db.Database.OpenConnectionAsync();
        Assert.NotEqual(before, await db.Database.SqlQuery<int>($"SELECT pg_backend_pid() AS \"Value\"").SingleAsync());
    }

    [Theory]
    [InlineData("plain", false, true)]
    [InlineData("a\0b", false, false)]
    [InlineData("{\"a\":\"\\u0000\"}", true, false)]
    [InlineData("{\"a\":\"x\\u0000\"}", false, true)]
    [InlineData("{\"a\":\"\\\\u0000\"}", true, true)]
    [InlineData("{\"a\":\"\\\\\\u0000\"}", true, false)]
    [InlineData("{\"a\":\"\\u00001\"}", true, false)]
    public void Text_is_sendable_without_NUL_and_jsonb_without_its_escape(string value, bool json, bool sendable)
    {
        var parameter = new NpgsqlParameter { Value = value, NpgsqlDbType = json ? NpgsqlTypes.NpgsqlDbType.Jsonb : NpgsqlTypes.NpgsqlDbType.Text };
        Assert.Equal(sendable, SendableValues.Sendable(parameter));
        var array = new NpgsqlParameter { Value = new[] { "x", value }, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | parameter.NpgsqlDbType };
        Assert.Equal(sendable, SendableValues.Sendable(array));
    }
}

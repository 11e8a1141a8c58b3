using System.Text.RegularExpressions;
using Npgsql;
using OneStop.Infrastructure.Data;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Foundation;

/// <summary>
/// Pooled connections are not reset when they go back (DatabaseOptions.Effective): nothing OneStop runs on them may leave session
/// state behind, and a transaction left open is still rolled back.
/// </summary>
public sealed partial class SessionStateTests
{
    [Fact]
    public void The_reset_on_return_is_off_by_default_and_an_explicit_setting_is_kept()
    {
        const string plain = "Host=db.example;Database=onestop;Username=onestop";
        Assert.True(new NpgsqlConnectionStringBuilder(DatabaseOptions.Effective(plain)).NoResetOnClose);
        Assert.False(new NpgsqlConnectionStringBuilder(DatabaseOptions.Effective(plain + ";No Reset On Close=false")).NoResetOnClose);
        Assert.False(new NpgsqlConnectionStringBuilder(DatabaseOptions.Effective(plain + ";noresetonclose=false")).NoResetOnClose);
    }

    [Fact]
    public async Task A_transaction_left_open_is_rolled_back_when_its_connection_goes_back_to_the_pool()
    {
        await using var database = await TestDatabase.CreateAsync();
        var oneConnection = new NpgsqlConnectionStringBuilder(DatabaseOptions.Effective(database.ConnectionString)) { MaxPoolSize = 1 }.ConnectionString;

        int backend;
        await using (var first = new NpgsqlConnection(oneConnection))
        {
            await first.OpenAsync();
            backend = first.ProcessID;
            var transaction = await first.BeginTransactionAsync();
            await using var insert = new NpgsqlCommand(
                "INSERT INTO dossier_code_counters (agency_code, day, last) VALUES ('LEFT-OPEN', DATE '2026-12-07', 1)", first, transaction);
            await insert.ExecuteNonQueryAsync();
            // Neither committed nor disposed: the connection goes back with its transaction open.
        }

        await using var second = new NpgsqlConnection(oneConnection);
        await second.OpenAsync();
        Assert.Equal(backend, second.ProcessID);
        await using var check = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM dossier_code_counters WHERE agency_code = 'LEFT-OPEN') * 10 + (txid_current_if_assigned() IS NOT NULL)::int",
            second);
        Assert.Equal(0L, Convert.ToInt64(await check.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void No_code_on_a_pooled_connection_sets_session_state()
    {
        // The scan itself finds what it looks for.
        Assert.All(new[]
        {
            "\"SET statement_timeout = 0\"", "\"SELECT 1; SET work_mem TO '1GB'\"", "\"SET SESSION AUTHORIZATION x\"", "\"SET ROLE x\"",
            "SELECT pg_advisory_lock(1)", "\"LISTEN onestop\"", "CREATE TEMP TABLE t (x int)", "DECLARE c CURSOR WITH HOLD FOR SELECT 1",
            "set_config('search_path', 'x', false)",
        }, sample => Assert.True(SessionState().IsMatch(sample), sample));
        Assert.All(new[]
        {
            "\"SET LOCAL lock_timeout = '1s'\"", "\"SET TRANSACTION READ ONLY\"", "\"UPDATE t SET x = 1\"", "SELECT pg_advisory_xact_lock(1)",
            "ON CONFLICT (a) DO UPDATE SET last = last + 1",
        }, sample => Assert.False(SessionState().IsMatch(sample), sample));

        var root = Root();
        var found = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        // The import's connections are unpooled and its own (LegacyImportSession.SessionConnectionString).
                        && Path.GetFileName(f) != "LegacyImportSession.cs")
            .SelectMany(f => SessionState().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetRelativePath(root, f)}: {m.Value}"))
            .ToList();
        Assert.Empty(found);
    }

    // A statement that changes the session rather than the transaction: SET at the start of a command (not SET LOCAL, SET
    // TRANSACTION or SET CONSTRAINTS), a session advisory lock, LISTEN, a temporary table, a cursor, set_config(…, false). Case
    // matters: OneStop writes SQL keywords in capitals, and prose ("set a field") is not SQL.
    [GeneratedRegex("""(?:["';]\s*SET\s+(?!LOCAL\b|TRANSACTION\b|CONSTRAINTS\b)\w+)|pg_(?:try_)?advisory_lock(?:_shared)?\s*\(|["';]\s*LISTEN\s|CREATE\s+(?:GLOBAL\s+|LOCAL\s+)?TEMP(?:ORARY)?\s+TABLE|\bDECLARE\s+\w+\s+(?:BINARY\s+|INSENSITIVE\s+|ASENSITIVE\s+|NO\s+SCROLL\s+|SCROLL\s+)*CURSOR|set_config\s*\([^)]*,\s*false\s*\)""")]
    private static partial Regex SessionState();

    private static string Root()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "onestop")) && Directory.Exists(Path.Combine(directory.FullName, "src")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository's root was not found above " + AppContext.BaseDirectory);
    }
}

using System.Diagnostics;
using System.Text.RegularExpressions;
using Npgsql;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Operations;

/// <summary>
/// The soak harness, short: two real hosts on a database of their own, a minute of citizens and officials, exactly one kill -9 and the
/// hostile burst (no PostgreSQL restart: the server is shared with the other tests). It must end with exit 0, nothing lost, nothing twice.
/// </summary>
public sealed partial class SoakSmokeTests
{
    [Fact]
    public async Task A_short_soak_with_one_kill_loses_and_duplicates_nothing()
    {
        var database = (Environment.GetEnvironmentVariable("ONESTOP_TEST_DB_PREFIX") is { Length: > 0 } prefix ? prefix : "onestop_t_") + "soak";
        var harness = Path.Combine(CliRun.RepositoryRoot, "tests", "OneStop.Soak", "bin", Configuration(), "net10.0", "onestop-soak.dll");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = CliRun.RepositoryRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { harness, "--hosts", "2", "--minutes", "1", "--faults", "--kills", "1", "--kill-every", "25", "--no-pg-restart",
                     "--citizens", "3", "--officials", "1", "--database", database, "--seed", "16" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ConnectionStrings__OneStop"] = TestDatabase.ServerConnectionString;
        start.Environment.Remove("ONESTOP_DB");
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            var text = await output + await error;

            var summary = Summary().Match(text);
            Assert.True(summary.Success, text);
            Assert.True(process.ExitCode == 0, text);
            Assert.Equal("0", summary.Groups["lost"].Value);
            Assert.Equal("0", summary.Groups["duplicates"].Value);
            Assert.Equal("1", summary.Groups["kills"].Value);
            Assert.NotEqual("0", summary.Groups["acknowledged"].Value);
            // The clock made timers due and each fired once; every upload carried its key and none was stored twice; the citizen beyond
            // the two demo accounts registered and confirmed their e-mail.
            var timers = Timers().Match(text);
            Assert.True(timers.Success, text);
            Assert.NotEqual("0", timers.Groups["aged"].Value);
            Assert.Contains("[ok] uploads stored once", text, StringComparison.Ordinal);
            Assert.Contains(", 1 citizens registered,", text, StringComparison.Ordinal);
        }
        finally
        {
            await DropAsync(database);
            var work = Path.Combine(CliRun.RepositoryRoot, ".local", database);
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    private static string Configuration() =>
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    private static async Task DropAsync(string database)
    {
        var admin = new NpgsqlConnectionStringBuilder(TestDatabase.ServerConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    [GeneratedRegex(@"^soak: (?<acknowledged>\d+) acknowledged, (?<lost>\d+) lost, (?<duplicates>\d+) duplicated, \d+ code gaps, (?<kills>\d+) kills survived, p50 \d+ ms, p99 \d+ ms, \d+ unexpected errors$", RegexOptions.Multiline)]
    private static partial Regex Summary();

    [GeneratedRegex(@"\[ok\] timers fired once: (?<aged>\d+) timers made due by the clock")]
    private static partial Regex Timers();
}

using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace OneStop.Benchmarks.Hotpath;

/// <summary>
/// The reference for the persisted workflow: pgbench's built-in TPC-B-like script on the same PostgreSQL server, in a scratch database
/// of its own (onestop_bench_pgbench, scale 1), at 1 and 2 clients, in the same run as the workflow figures.
/// </summary>
internal static partial class Pgbench
{
    private const string Database = "onestop_bench_pgbench";

    public static async Task<IReadOnlyDictionary<int, double>> RunAsync(string server, IEnumerable<int> clients, TimeSpan duration)
    {
        var binary = Find() ?? throw new InvalidOperationException("pgbench not found (Debian's postgresql package ships it in /usr/lib/postgresql/N/bin).");
        var builder = new NpgsqlConnectionStringBuilder(server);
        await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{Database}\" WITH (FORCE)");
        await ExecuteAsync(server, $"CREATE DATABASE \"{Database}\"");
        try
        {
            await RunAsync(binary, builder, "-i", "-s", "1", "-q");
            var tps = new Dictionary<int, double>();
            foreach (var c in clients)
            {
                var output = await RunAsync(binary, builder, "-c", c.ToString(CultureInfo.InvariantCulture), "-j", c.ToString(CultureInfo.InvariantCulture),
                    "-T", ((int)Math.Max(1, duration.TotalSeconds)).ToString(CultureInfo.InvariantCulture));
                var match = Tps().Match(output);
                if (!match.Success)
                {
                    throw new InvalidOperationException("pgbench printed no tps line:\n" + output);
                }

                tps[c] = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  pgbench TPC-B, {c} client(s), {duration.TotalSeconds:0} s: {tps[c]:0} tps"));
            }

            return tps;
        }
        finally
        {
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{Database}\" WITH (FORCE)");
        }
    }

    private static string? Find() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => d, StringComparer.Ordinal)
                .Select(d => Path.Combine(d, "bin", "pgbench")).FirstOrDefault(File.Exists)
            : null;

    private static async Task<string> RunAsync(string binary, NpgsqlConnectionStringBuilder server, params string[] args)
    {
        var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args.Concat(["-h", server.Host ?? "127.0.0.1", "-p", server.Port.ToString(CultureInfo.InvariantCulture),
                     "-U", server.Username ?? Environment.UserName, Database]))
        {
            start.ArgumentList.Add(arg);
        }

        if (server.Password is { } password)
        {
            start.Environment["PGPASSWORD"] = password;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var text = await output + await error;
        return process.ExitCode == 0 ? text : throw new InvalidOperationException($"pgbench {string.Join(' ', args)} failed:\n{text}");
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        var admin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex Tps();
}

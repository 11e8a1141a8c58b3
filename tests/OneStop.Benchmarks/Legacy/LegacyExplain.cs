using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OneStop.Infrastructure.Legacy;
using OneStop.Legacy.Tests.Generator;

namespace OneStop.Benchmarks.Legacy;

/// <summary>
/// legacy-explain [--dossiers N] [--work DIR]: profiles one batch of the dossier merge. Generates a bundle, imports it into a fresh
/// database until the dossiers are staged (the run is cancelled as the merge starts, so nothing of ho_so is merged), then runs each
/// statement of the first batch under EXPLAIN (ANALYZE, BUFFERS) in one transaction that is rolled back, and prints the plans.
/// </summary>
internal static class LegacyExplain
{
    public static async Task<int> RunAsync(string[] args)
    {
        var i = Array.IndexOf(args, "--dossiers");
        var dossiers = i >= 0 ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : 200_000;
        var work = args.SkipWhile(a => a != "--work").Skip(1).FirstOrDefault() ?? Path.Combine(Path.GetTempPath(), "onestop-legacy-explain");
        var bundle = BundleGenerator.Write(work, new BundleSpec
        {
            Dossiers = dossiers, MaxHistoryPerDossier = 9, MaxAttachmentsPerDossier = 2, WriteAttachmentFiles = false,
            Defects = DefectCounts.OfEach(Math.Max(1, dossiers / 10_000)),
        }, "explain");
        var connectionString = await BenchDatabase.CreateAsync("onestop_bench_legacy_explain");
        using (var host = BenchDatabase.Host(connectionString, Path.Combine(work, "files")))
        {
            await using var scope = host.Services.CreateAsyncScope();
            var importer = scope.ServiceProvider.GetRequiredService<LegacyImporter>();
            using var stop = new CancellationTokenSource();
            var import = importer.ImportAsync(new LegacyImportRequest(bundle.Path), stop.Token);
            while (!import.IsCompleted && importer.Phase != "Hồ sơ (ho_so): ghi vào cơ sở dữ liệu")
            {
                await Task.WhenAny(import, Task.Delay(20));
            }

            await stop.CancelAsync();
            try
            {
                await import;
            }
            catch (OperationCanceledException)
            {
            }
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var (source, run) = await Scalar2Async(connection, "SELECT source_system, id FROM legacy.import_runs ORDER BY started_at DESC LIMIT 1");
        Console.WriteLine($"dossiers in the database before the batch: {await CountAsync(connection, "SELECT count(*) FROM dossiers")}, staged: {await CountAsync(connection, "SELECT count(*) FROM legacy.stg_dossiers")}");
        // The same batch twice, each rolled back: as the import runs it, then with the trigram index dropped (what it costs).
        await ExplainBatchAsync(connection, source, run, "as imported", null);
        await ExplainBatchAsync(connection, source, run, "without the trigram GIN index", "DROP INDEX ix_dossiers_applicant_search");
        return 0;
    }

    private static async Task ExplainBatchAsync(NpgsqlConnection connection, string source, Guid run, string variant, string? setup)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        if (setup is not null)
        {
            await using var prepare = new NpgsqlCommand(setup, connection, transaction);
            await prepare.ExecuteNonQueryAsync();
        }

        var total = Stopwatch.StartNew();
        var times = new List<string>();
        foreach (var sql in LegacyDossierSql.Dossiers)
        {
            await using var command = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + sql, connection, transaction) { CommandTimeout = 0 };
            command.Parameters.AddWithValue("source", source);
            command.Parameters.AddWithValue("run", run);
            command.Parameters.AddWithValue("exported", DateTimeOffset.UtcNow);
            command.Parameters.AddWithValue("from", 0L);
            command.Parameters.AddWithValue("to", (long)LegacyImportSession.DefaultBatchLines);
            var title = sql.Trim().Split('\n')[0].Trim();
            Console.WriteLine($"----- [{variant}] {title}");
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var line = reader.GetString(0);
                Console.WriteLine(line);
                if (line.StartsWith("Execution Time", StringComparison.Ordinal))
                {
                    times.Add($"{title[..Math.Min(40, title.Length)]}: {line}");
                }
            }
        }

        Console.WriteLine($"===== [{variant}] batch of {LegacyImportSession.DefaultBatchLines:N0} lines: {total.Elapsed.TotalSeconds:N1} s (rolled back)");
        times.ForEach(t => Console.WriteLine("      " + t));
        await transaction.RollbackAsync();
    }

    private static async Task<long> CountAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<(string, Guid)> Scalar2Async(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetString(0), reader.GetGuid(1));
    }
}

using Npgsql;

namespace OneStop.Benchmarks.Legacy;

/// <summary>The limit on this machine: the bundle's CSV files COPYed as they are into bare all-text tables, no checks, no model.</summary>
internal static class RawCopyBaseline
{
    public static async Task<long> RunAsync(string connectionString, string bundle)
    {
        long rows = 0;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var (table, columns) in OneStop.Legacy.Tests.Generator.BundleGenerator.Columns)
        {
            await using (var create = new NpgsqlCommand(
                $"DROP TABLE IF EXISTS raw_{table}; CREATE TABLE raw_{table} ({string.Join(", ", columns.Select(c => c + " text"))})", connection))
            {
                await create.ExecuteNonQueryAsync();
            }

            await using (var copy = await connection.BeginTextImportAsync($"COPY raw_{table} FROM STDIN (FORMAT csv, HEADER true)"))
            using (var file = new StreamReader(Path.Combine(bundle, table + ".csv")))
            {
                var buffer = new char[65536];
                int read;
                while ((read = await file.ReadAsync(buffer)) > 0)
                {
                    await copy.WriteAsync(buffer.AsMemory(0, read));
                }
            }

            await using var count = new NpgsqlCommand($"SELECT count(*) FROM raw_{table}", connection);
            rows += (long)(await count.ExecuteScalarAsync())!;
        }

        return rows;
    }
}

using Npgsql;
using NpgsqlTypes;

namespace OneStop.Infrastructure.Legacy;

/// <summary>
/// The one connection a legacy import runs on: it holds the import lock (one import at a time), streams rows into the staging
/// tables with binary COPY and runs the set-based merges, each batch in its own transaction.
/// </summary>
internal sealed class LegacyImportSession(NpgsqlConnection connection, string source, Guid runId, DateTimeOffset exportedAt) : IAsyncDisposable
{
    /// <summary>Lines of a staging table merged per transaction.</summary>
    public const int BatchLines = 50_000;

    internal const long LockKey = 0x4F4E455354_4C4547; // "ONEST" "LEG"

    public Guid RunId => runId;

    public string Source => source;

    /// <summary>When the bundle was exported: the moment migrated open dossiers entered their steps.</summary>
    public DateTimeOffset ExportedAt => exportedAt;

    public static async Task<NpgsqlConnection> OpenLockedAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0, Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var command = new NpgsqlCommand($"SELECT pg_advisory_lock({LockKey}); {LegacySql.CreateStaging}", connection))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return connection;
    }

    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<long> ScalarAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken) ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    /// <summary>Empties a staging table and streams rows into it with binary COPY; returns the number of rows.</summary>
    public async Task<long> CopyAsync<T>(string table, string[] columns, NpgsqlDbType[] types, IAsyncEnumerable<T> rows,
        Func<T, object?[]> values, CancellationToken cancellationToken)
    {
        await ExecuteAsync($"TRUNCATE legacy.{table}", cancellationToken);
        long count = 0;
        await using (var importer = await connection.BeginBinaryImportAsync(
            $"COPY legacy.{table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                var v = values(row);
                await importer.StartRowAsync(cancellationToken);
                for (var i = 0; i < v.Length; i++)
                {
                    if (v[i] is null)
                    {
                        await importer.WriteNullAsync(cancellationToken);
                    }
                    else
                    {
                        await importer.WriteAsync(v[i], types[i], cancellationToken);
                    }
                }

                count++;
            }

            await importer.CompleteAsync(cancellationToken);
        }

        // Fresh statistics before the merges plan their joins (autovacuum would analyse the refilled table only later).
        await ExecuteAsync($"ANALYZE legacy.{table}", cancellationToken);
        return count;
    }

    /// <summary>
    /// Runs the statements over a staging table in batches of lines, one transaction per batch (@from exclusive, @to inclusive), and
    /// after each batch refreshes the statistics of the tables it grew (<paramref name="growing"/>), so that the next batch is planned
    /// for the tables as they are now, not as they were before the import (an empty table's "one row" estimate invites nested loops).
    /// </summary>
    public async Task MergeInBatchesAsync(string table, IReadOnlyList<string> statements, IReadOnlyList<string> growing, CancellationToken cancellationToken)
    {
        var bounds = await QueryAsync($"SELECT coalesce(min(line), 0), coalesce(max(line), 0) FROM legacy.{table}",
            r => (r.GetInt64(0), r.GetInt64(1)), cancellationToken);
        var (min, max) = bounds[0];
        for (var from = min - 1; from < max; from += BatchLines)
        {
            await MergeAsync(statements, cancellationToken, ("from", from), ("to", Math.Min(max, from + BatchLines)));
            if (growing.Count > 0)
            {
                await ExecuteAsync("ANALYZE " + string.Join(", ", growing), cancellationToken);
            }
        }
    }

    /// <summary>Runs the statements in one transaction.</summary>
    public async Task MergeAsync(IReadOnlyList<string> statements, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var sql in statements)
        {
            await using var command = Command(sql, parameters);
            command.Transaction = transaction;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Staged rows of a table that an earlier run imported identically (their map entry belongs to another run).</summary>
    public Task<long> CountUnchangedAsync(string stagingTable, string legacyTable, string keyExpression, string? where, CancellationToken cancellationToken) =>
        ScalarAsync($"""
            SELECT count(*) FROM legacy.{stagingTable} s
            JOIN legacy.record_map m ON m.source = @source AND m.tbl = '{legacyTable}' AND m.legacy_key = {keyExpression}
            WHERE m.run_id <> @run AND m.row_hash = s.h {(where is null ? string.Empty : "AND " + where)}
            """, cancellationToken);

    public ValueTask DisposeAsync() => connection.DisposeAsync();

    private NpgsqlCommand Command(string sql, (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("source", source);
        command.Parameters.AddWithValue("run", runId);
        command.Parameters.AddWithValue("exported", exportedAt);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}

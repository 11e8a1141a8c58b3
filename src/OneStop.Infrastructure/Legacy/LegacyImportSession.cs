using Npgsql;
using NpgsqlTypes;

namespace OneStop.Infrastructure.Legacy;

/// <summary>
/// The connection a legacy import runs on: it holds the import lock (one import at a time), streams rows into the staging tables
/// with binary COPY and runs the set-based merges, each batch in its own transaction — the batches of one table on
/// <paramref name="mergeWorkers"/> connections at once (the others opened from <paramref name="connectionString"/> for the merge).
/// </summary>
internal sealed class LegacyImportSession(NpgsqlConnection connection, string connectionString, string source, int sourceId, Guid runId,
    DateTimeOffset exportedAt, int mergeWorkers = 1, int batchLines = LegacyImportSession.DefaultBatchLines) : IAsyncDisposable
{
    /// <summary>Lines of a staging table merged per transaction, unless the request says otherwise.</summary>
    public const int DefaultBatchLines = LegacyImportRequest.DefaultBatchLines;

    /// <summary>How often a batch that lost a deadlock to another batch is run again (it is idempotent) before the import fails.</summary>
    private const int DeadlockRetries = 3;

    internal const long LockKey = 0x4F4E455354_4C4547; // "ONEST" "LEG"

    public Guid RunId => runId;

    /// <summary>Time spent in each merge statement so far, summed over batches and connections (keyed by the statement's first line).</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, TimeSpan> StatementTimes { get; } = new(StringComparer.Ordinal);

    public string Source => source;

    /// <summary>When the bundle was exported: the moment migrated open dossiers entered their steps.</summary>
    public DateTimeOffset ExportedAt => exportedAt;

    /// <summary>
    /// The application's connection string as an import's connections use it: no command timeout, not pooled, memory enough
    /// for a batch's sort (DISTINCT ON over 50,000 history or attachment rows spills to disk within the default 4 MB), and no JIT
    /// compilation: a batch's statements are estimated costly enough to be compiled with inlining and optimisation, 130–270 ms a
    /// statement (measured with EXPLAIN ANALYZE on the 1M benchmark), which their single run of simple expressions never earns back.
    /// </summary>
    public static string SessionConnectionString(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0, Pooling = false };
        builder.Options = (builder.Options + " -c work_mem=64MB -c jit=off").Trim();
        return builder.ConnectionString;
    }

    public static async Task<NpgsqlConnection> OpenLockedAsync(string sessionConnectionString, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(sessionConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var command = new NpgsqlCommand($"SELECT pg_advisory_lock({LockKey}); {LegacySql.CreateStaging}", connection))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return connection;
    }

    /// <summary>The number of the exporting system in legacy.sources, given to it on its first import (the caller holds the import lock).</summary>
    public static async Task<int> SourceIdAsync(NpgsqlConnection connection, string source, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            WITH added AS (INSERT INTO legacy.sources (name) VALUES (@name) ON CONFLICT (name) DO NOTHING RETURNING id)
            SELECT id FROM added UNION ALL SELECT id FROM legacy.sources WHERE name = @name LIMIT 1
            """, connection);
        command.Parameters.AddWithValue("name", source);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public Task ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        RunOnAsync(connection, sql, cancellationToken, parameters);

    private async Task RunOnAsync(NpgsqlConnection on, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(on, sql, parameters);
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
    public Task<long> CopyAsync<T>(string table, string[] columns, NpgsqlDbType[] types, IAsyncEnumerable<T> rows,
        Func<T, object?[]> values, CancellationToken cancellationToken) =>
        CopyOnAsync(connection, table, columns, types, rows, values, cancellationToken);

    /// <summary>
    /// <see cref="CopyAsync"/> on a connection of its own, so that it can run while the session's connection merges the table
    /// staged before (the import's .NET side reads and checks the next file on one core while PostgreSQL merges on the other).
    /// </summary>
    public async Task<long> CopyBesideAsync<T>(string table, string[] columns, NpgsqlDbType[] types, IAsyncEnumerable<T> rows,
        Func<T, object?[]> values, CancellationToken cancellationToken)
    {
        await using var other = new NpgsqlConnection(connectionString);
        await other.OpenAsync(cancellationToken);
        return await CopyOnAsync(other, table, columns, types, rows, values, cancellationToken);
    }

    private async Task<long> CopyOnAsync<T>(NpgsqlConnection on, string table, string[] columns, NpgsqlDbType[] types, IAsyncEnumerable<T> rows,
        Func<T, object?[]> values, CancellationToken cancellationToken)
    {
        await RunOnAsync(on, $"TRUNCATE legacy.{table}", cancellationToken);
        long count = 0;
        await using (var importer = await on.BeginBinaryImportAsync(
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
        await RunOnAsync(on, $"ANALYZE legacy.{table}", cancellationToken);
        return count;
    }

    /// <summary>
    /// Runs the pieces of work at once; when one fails the others are cancelled and the failure — not the cancellations it caused —
    /// is what the caller sees.
    /// </summary>
    public static async Task TogetherAsync(CancellationToken cancellationToken, params Func<CancellationToken, Task>[] work)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        async Task RunAsync(Func<CancellationToken, Task> piece)
        {
            try
            {
                await piece(stop.Token);
            }
            catch
            {
                await stop.CancelAsync();
                throw;
            }
        }

        var tasks = work.Select(RunAsync).ToArray();
        try
        {
            await Task.WhenAll(tasks);
        }
        catch when (tasks.Where(t => t.IsFaulted).SelectMany(t => t.Exception!.InnerExceptions)
                        .FirstOrDefault(e => e is not OperationCanceledException) is { } cause && !cancellationToken.IsCancellationRequested)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(cause);
        }
    }

    /// <summary>
    /// Runs the statements over a staging table in batches of lines, one transaction per batch (@from exclusive, @to inclusive), and
    /// refreshes the statistics of the tables it grows (<paramref name="growing"/>) after the first batch and whenever the batches
    /// merged so far have doubled (1, 2, 4, 8 …), so that a batch is planned for the tables about as they are, not as they were before
    /// the import (an empty table's "one row" estimate invites nested loops). The planner scales statistics to a table's current
    /// size, so they stay within a factor of two; analysing after every batch cost 0.3–0.5 s a batch on a million dossiers.
    /// The batches run on up to <c>mergeWorkers</c> connections at once, each taking the next batch when it is done: they touch
    /// disjoint rows (the analyzer leaves one staged row per key), every write is an idempotent upsert, and a batch is committed or
    /// not as a whole, so the order they finish in changes nothing and a resumed run redoes only what did not commit. One PostgreSQL
    /// backend runs one statement on one core; with two the merges use the machine's second core too.
    /// </summary>
    public async Task MergeInBatchesAsync(string table, IReadOnlyList<string> statements, IReadOnlyList<string> growing, CancellationToken cancellationToken)
    {
        var bounds = await QueryAsync($"SELECT coalesce(min(line), 0), coalesce(max(line), 0) FROM legacy.{table}",
            r => (r.GetInt64(0), r.GetInt64(1)), cancellationToken);
        var (min, max) = bounds[0];
        var batches = new List<(long From, long To)>();
        var lines = Math.Max(1, batchLines);
        for (var from = min - 1; from < max; from += lines)
        {
            batches.Add((from, Math.Min(max, from + lines)));
        }

        // A merge that grows tables later batches join runs its first batch alone: started together, a short last batch would
        // commit and analyse first, and the statistics of a map of some sixty rows make the planner probe it with a sequential
        // scan in every other batch's statements — over the rows each statement is adding, quadratic (12 s for one batch of
        // 50,000 dossiers instead of 0.5). After a whole first batch the tables are the size the plans are made for.
        var first = growing.Count > 0 ? 1 : 0;
        if (first == 1 && batches.Count > 0)
        {
            await MergeBatchAsync(connection, table, statements, batches[0], cancellationToken);
            await AnalyzeAsync(connection, growing, cancellationToken);
        }

        var merged = first;

        async Task BatchAsync(NpgsqlConnection on, (long From, long To) batch, CancellationToken stop)
        {
            await MergeBatchAsync(on, table, statements, batch, stop);
            if (System.Numerics.BitOperations.IsPow2(Interlocked.Increment(ref merged)))
            {
                await AnalyzeAsync(on, growing, stop);
            }
        }

        var workers = Math.Min(Math.Max(1, mergeWorkers), batches.Count - first);
        if (workers <= 1)
        {
            foreach (var batch in batches.Skip(first))
            {
                await BatchAsync(connection, batch, cancellationToken);
            }

            return;
        }

        var next = first - 1;
        var others = new List<NpgsqlConnection>();
        try
        {
            for (var i = 1; i < workers; i++)
            {
                var other = new NpgsqlConnection(connectionString);
                others.Add(other);
                await other.OpenAsync(cancellationToken);
            }

            await TogetherAsync(cancellationToken, others.Prepend(connection).Select(on => (Func<CancellationToken, Task>)(async stop =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < batches.Count)
                {
                    await BatchAsync(on, batches[i], stop);
                }
            })).ToArray());
        }
        finally
        {
            foreach (var other in others)
            {
                await other.DisposeAsync();
            }
        }
    }

    private async Task MergeBatchAsync(NpgsqlConnection on, string table, IReadOnlyList<string> statements, (long From, long To) batch,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await MergeOnAsync(on, table, statements, cancellationToken, ("from", batch.From), ("to", batch.To));
                break;
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure
                                              && attempt < DeadlockRetries)
            {
                // Rolled back whole; run again.
            }
        }

    }

    private Task AnalyzeAsync(NpgsqlConnection on, IReadOnlyList<string> tables, CancellationToken cancellationToken) =>
        tables.Count == 0 ? Task.CompletedTask : RunOnAsync(on, "ANALYZE " + string.Join(", ", tables), cancellationToken);

    /// <summary>Runs the statements in one transaction.</summary>
    public Task MergeAsync(IReadOnlyList<string> statements, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        MergeOnAsync(connection, "reference", statements, cancellationToken, parameters);

    private async Task MergeOnAsync(NpgsqlConnection on, string label, IReadOnlyList<string> statements, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var transaction = await on.BeginTransactionAsync(cancellationToken);
        foreach (var sql in statements)
        {
            await using var command = Command(on, sql, parameters);
            command.Transaction = transaction;
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await command.ExecuteNonQueryAsync(cancellationToken);
            var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            StatementTimes.AddOrUpdate(label + ": " + Title(sql), elapsed, (_, sum) => sum + elapsed);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Staged rows of a table that an earlier run imported identically (their map entry belongs to another run).</summary>
    public Task<long> CountUnchangedAsync(string stagingTable, string legacyTable, string keyExpression, string? where, CancellationToken cancellationToken) =>
        ScalarAsync($"""
            SELECT count(*) FROM legacy.{stagingTable} s
            JOIN legacy.record_map m ON m.source_id = @source_id AND m.tbl = '{legacyTable}' AND m.legacy_key = {keyExpression}
            WHERE m.run_id <> @run AND m.row_hash = s.h {(where is null ? string.Empty : "AND " + where)}
            """, cancellationToken);

    public ValueTask DisposeAsync() => connection.DisposeAsync();

    private static string Title(string sql)
    {
        var line = sql.AsSpan().TrimStart();
        var end = line.IndexOfAny('\n', '(');
        return (end < 0 ? line : line[..end]).Trim().ToString();
    }

    private NpgsqlCommand Command(string sql, (string Name, object? Value)[] parameters) => Command(connection, sql, parameters);

    private NpgsqlCommand Command(NpgsqlConnection on, string sql, (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, on);
        command.Parameters.AddWithValue("source", source);
        command.Parameters.AddWithValue("source_id", sourceId);
        command.Parameters.AddWithValue("run", runId);
        command.Parameters.AddWithValue("exported", exportedAt);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}

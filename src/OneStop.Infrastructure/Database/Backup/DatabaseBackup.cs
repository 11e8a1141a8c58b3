using System.Diagnostics;
using System.Formats.Tar;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Npgsql;
using OneStop.Infrastructure.Files;

namespace OneStop.Infrastructure.Database.Backup;

/// <summary>
/// A backup of one installation: a <c>pg_dump</c> of the database (custom format) and every file a row of it references
/// (<see cref="StoreOrphanSweeper.FileReferences"/>; the file store is content-addressed: a file's name is its SHA-256), with a manifest of row counts
/// and checksums, in one tar archive.
/// The dump, the counts and the list of files come from one exported snapshot, so they agree whatever the hosts write meanwhile.
/// A restore goes into an empty database only, checks every checksum before it writes anything, and counts the rows again after.
/// </summary>
public sealed class DatabaseBackup(IFileStore files)
{
    public const string ManifestName = "manifest.json";
    public const string DumpName = "database.dump";
    public const string FilesFolder = "files/";
    private const int FormatVersion = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Writes the archive to <paramref name="path"/> (refused when it exists); a failure leaves no archive behind.</summary>
    public async Task<BackupManifest> CreateAsync(string connectionString, string path, CancellationToken cancellationToken = default)
    {
        if (File.Exists(path))
        {
            throw new BackupException($"Tệp {path} đã có; hãy chọn tên khác (the backup file exists: choose another name).");
        }

        var work = Directory.CreateTempSubdirectory("onestop-backup-");
        var partial = path + ".partial";
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
            await using (var readOnly = new NpgsqlCommand("SET TRANSACTION READ ONLY", connection, transaction))
            {
                await readOnly.ExecuteNonQueryAsync(cancellationToken);
            }

            string snapshot;
            await using (var export = new NpgsqlCommand("SELECT pg_export_snapshot()", connection, transaction))
            {
                snapshot = (string)(await export.ExecuteScalarAsync(cancellationToken))!;
            }

            var dump = Path.Combine(work.FullName, DumpName);
            await RunAsync("pg_dump", connectionString, ["--format=custom", "--no-owner", "--no-privileges", $"--snapshot={snapshot}", $"--file={dump}"],
                cancellationToken);
            var tables = await CountRowsAsync(connection, transaction, cancellationToken);
            var referenced = await ReferencedFilesAsync(connection, transaction, cancellationToken);
            var migration = await LastMigrationAsync(connection, transaction, cancellationToken);
            await transaction.CommitAsync(cancellationToken);

            var entries = new List<BackupFile>();
            var missing = new List<string>();
            BackupManifest manifest;
            await using (var stream = File.Create(partial))
            {
                await using (var tar = new TarWriter(stream, TarEntryFormat.Pax, leaveOpen: true))
                {
                    await tar.WriteEntryAsync(dump, DumpName, cancellationToken);
                    foreach (var sha256 in referenced)
                    {
                        await using var content = await files.OpenAsync(sha256, cancellationToken);
                        if (content is null)
                        {
                            missing.Add(sha256);
                            continue;
                        }

                        var entry = new PaxTarEntry(TarEntryType.RegularFile, FilesFolder + sha256) { DataStream = content };
                        await tar.WriteEntryAsync(entry, cancellationToken);
                        entries.Add(new BackupFile(sha256, content.Length));
                    }

                    manifest = new BackupManifest(FormatVersion, DateTimeOffset.UtcNow, migration,
                        new BackupFile(await Sha256Async(dump, cancellationToken), new FileInfo(dump).Length), tables, entries, missing);
                    var manifestPath = Path.Combine(work.FullName, ManifestName);
                    await File.WriteAllTextAsync(manifestPath, JsonSerializer.Serialize(manifest, Json), cancellationToken);
                    await tar.WriteEntryAsync(manifestPath, ManifestName, cancellationToken);
                }

                // On disk before it takes its name: a crash leaves a .partial, never a short archive under the name asked for.
                stream.Flush(flushToDisk: true);
            }

            File.Move(partial, path);
            return manifest;
        }
        finally
        {
            File.Delete(partial);
            work.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Restores an archive into the (empty) database of <paramref name="connectionString"/> and its files into the file store: every
    /// checksum is verified first, then the dump is restored in one transaction, then the rows are counted against the manifest.
    /// </summary>
    public async Task<RestoreReport> RestoreAsync(string connectionString, string path, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
        {
            throw new BackupException($"Không có tệp sao lưu {path} (no such backup file).");
        }

        var work = Directory.CreateTempSubdirectory("onestop-restore-");
        try
        {
            try
            {
                await TarFile.ExtractToDirectoryAsync(path, work.FullName, overwriteFiles: false, cancellationToken);
            }
            catch (Exception ex) when (ex is InvalidDataException or FormatException or EndOfStreamException or IOException)
            {
                throw new BackupException($"Tệp {path} không phải bản sao lưu OneStop đọc được (not a readable OneStop backup: {ex.Message}).");
            }

            var manifest = await ReadManifestAsync(work.FullName, cancellationToken);
            var dump = Path.Combine(work.FullName, DumpName);
            if (!File.Exists(dump) || await Sha256Async(dump, cancellationToken) != manifest.Database.Sha256)
            {
                throw new BackupException("Bản sao lưu bị hỏng: tệp cơ sở dữ liệu không khớp mã kiểm tra (the database dump does not match its checksum).");
            }

            foreach (var file in manifest.Files)
            {
                var stored = Path.Combine(work.FullName, FilesFolder, file.Sha256);
                if (!IsSha256(file.Sha256) || !File.Exists(stored) || await Sha256Async(stored, cancellationToken) != file.Sha256)
                {
                    throw new BackupException($"Bản sao lưu bị hỏng: tệp {file.Sha256} thiếu hoặc không khớp mã kiểm tra (a stored file is missing or altered).");
                }
            }

            await using (var connection = new NpgsqlConnection(connectionString))
            {
                await connection.OpenAsync(cancellationToken);
                var existing = await UserTablesAsync(connection, null, cancellationToken);
                if (existing.Count > 0)
                {
                    throw new BackupException(
                        $"Cơ sở dữ liệu đích không trống ({existing.Count} bảng): chỉ khôi phục vào một cơ sở dữ liệu trống (restore into an empty database only).");
                }
            }

            await RunAsync("pg_restore", connectionString, ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", dump], cancellationToken);

            foreach (var file in manifest.Files)
            {
                await using var content = File.OpenRead(Path.Combine(work.FullName, FilesFolder, file.Sha256));
                await files.SaveAsync(content, cancellationToken);
            }

            Dictionary<string, long> counted;
            await using (var connection = new NpgsqlConnection(connectionString))
            {
                await connection.OpenAsync(cancellationToken);
                counted = await CountRowsAsync(connection, null, cancellationToken);
            }

            var differences = manifest.Tables
                .Where(t => !counted.TryGetValue(t.Key, out var count) || count != t.Value)
                .Select(t => $"{t.Key}: {t.Value} → {(counted.TryGetValue(t.Key, out var c) ? c.ToString(CultureInfo.InvariantCulture) : "không có")}")
                .ToList();
            return new RestoreReport(manifest, counted, differences);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task<BackupManifest> ReadManifestAsync(string folder, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, ManifestName);
        if (!File.Exists(path))
        {
            throw new BackupException("Bản sao lưu thiếu manifest.json (the archive has no manifest).");
        }

        try
        {
            var manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(path, cancellationToken), Json);
            if (manifest is null || manifest.Version != FormatVersion || manifest.Database is null || manifest.Tables is null || manifest.Files is null)
            {
                throw new BackupException("manifest.json không đúng định dạng phiên bản 1 (the manifest is not format version 1).");
            }

            return manifest;
        }
        catch (JsonException ex)
        {
            throw new BackupException($"manifest.json không đọc được (the manifest is not valid JSON: {ex.Message}).");
        }
    }

    private static async Task<List<string>> UserTablesAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) FROM pg_tables
            WHERE schemaname NOT IN ('pg_catalog', 'information_schema') AND schemaname NOT LIKE 'pg\_%'
            ORDER BY 1
            """;
        var tables = new List<string>();
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    private static async Task<Dictionary<string, long>> CountRowsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in await UserTablesAsync(connection, transaction, cancellationToken))
        {
            // The names come from pg_tables through quote_ident: not input.
            await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection, transaction);
            counts[table] = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }

        return counts;
    }

    private static async Task<List<string>> ReferencedFilesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var hashes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (table, column) in StoreOrphanSweeper.FileReferences)
        {
            await using (var exists = new NpgsqlCommand("SELECT to_regclass(@table) IS NOT NULL", connection, transaction))
            {
                exists.Parameters.AddWithValue("table", table);
                if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
                {
                    continue;
                }
            }

            // Names from the constant list above, not input.
            await using var select = new NpgsqlCommand($"SELECT DISTINCT {column}::text FROM {table} WHERE {column} IS NOT NULL", connection, transaction);
            await using var rows = await select.ExecuteReaderAsync(cancellationToken);
            while (await rows.ReadAsync(cancellationToken))
            {
                var hash = rows.GetString(0);
                if (IsSha256(hash))
                {
                    hashes.Add(hash);
                }
            }
        }

        return [.. hashes];
    }

    private static async Task<string?> LastMigrationAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using (var exists = new NpgsqlCommand("SELECT to_regclass('__ef_migrations_history') IS NOT NULL", connection, transaction))
        {
            if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
            {
                return null; // never migrated: the backup holds what is there
            }
        }

        await using var command = new NpgsqlCommand("SELECT max(migration_id) FROM __ef_migrations_history", connection, transaction);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>Runs a PostgreSQL client program with the connection in PG* variables (the password never on a command line or in output).</summary>
    private static async Task RunAsync(string program, string connectionString, IEnumerable<string> args, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        if (program == "pg_restore")
        {
            start.ArgumentList.Insert(0, $"--dbname={connection.Database}");
        }
        else
        {
            start.Environment["PGDATABASE"] = connection.Database;
        }

        start.Environment["PGHOST"] = connection.Host;
        start.Environment["PGPORT"] = connection.Port.ToString(CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = connection.Username;
        start.Environment["PGPASSWORD"] = connection.Password;
        start.Environment["PGCONNECT_TIMEOUT"] = "10";

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new BackupException($"Không tìm thấy {program}: hãy cài gói postgresql-client (install the PostgreSQL client programs).", unusableInput: false);
        }

        using (process)
        {
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                var message = (await error).Trim().Split('\n').FirstOrDefault(l => l.Length > 0) ?? $"exit {process.ExitCode}";
                throw new BackupException($"{program} không thành công / failed: {message}", unusableInput: false);
            }

            await output;
        }
    }

    private static async Task<string> Sha256Async(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    private static bool IsSha256(string value) => value.Length == 64 && value.All(char.IsAsciiHexDigitLower);
}

/// <summary>What a backup holds: the dump's checksum, the row count of every table and every file with its size.</summary>
public sealed record BackupManifest(int Version, DateTimeOffset CreatedAt, string? Migration, BackupFile Database, Dictionary<string, long> Tables,
    List<BackupFile> Files, List<string> MissingFiles);

public sealed record BackupFile(string Sha256, long Size);

/// <summary>A restore's outcome: the rows counted after it, and each table whose count differs from the manifest (none when all is well).</summary>
public sealed record RestoreReport(BackupManifest Manifest, Dictionary<string, long> Counted, IReadOnlyList<string> Differences);

/// <summary>
/// A backup or restore that cannot go on, with a one-line reason in Vietnamese and English; nothing was left half-written.
/// <see cref="UnusableInput"/>: the archive, the target or the file name is the problem (not a failing PostgreSQL program).
/// </summary>
public sealed class BackupException(string message, bool unusableInput = true) : Exception(message)
{
    public bool UnusableInput { get; } = unusableInput;
}

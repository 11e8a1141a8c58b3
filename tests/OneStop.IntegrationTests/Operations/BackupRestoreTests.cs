using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OneStop.IntegrationTests.Security;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Operations;

/// <summary>
/// ./onestop backup and restore round-trip an installation: a seeded database with a dossier, its issued document and an
/// attachment is backed up by the real CLI, restored into an empty database and another file store, and compared table by table,
/// file by file. A restore refuses a database that is not empty and an archive altered after it was written, writing nothing.
/// </summary>
public sealed class BackupRestoreTests(PreparedDossierApp app) : IClassFixture<PreparedDossierApp>, IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "onestop-backup-" + Guid.NewGuid().ToString("N"));

    private string SourceFiles => Path.Combine(app.MailDirectory, "files");

    public void Dispose()
    {
        if (Directory.Exists(_work))
        {
            Directory.Delete(_work, recursive: true);
        }
    }

    [Fact]
    public async Task A_backup_restored_into_an_empty_database_has_every_row_and_every_file_of_the_original()
    {
        var scenario = await app.ScenarioAsync();
        var archive = Path.Combine(_work, "onestop.tar");
        Directory.CreateDirectory(_work);

        var (backupExit, backupOutput) = await CliRun.CliAsync(Env(app.Database.ConnectionString, SourceFiles), "db", "backup", archive);
        Assert.True(backupExit == 0, backupOutput);
        Assert.DoesNotContain(new NpgsqlConnectionStringBuilder(app.Database.ConnectionString).Password!, backupOutput, StringComparison.Ordinal);

        await using var target = await TestDatabase.CreateEmptyAsync();
        var targetFiles = Path.Combine(_work, "restored-files");
        var (restoreExit, restoreOutput) = await CliRun.CliAsync(Env(target.ConnectionString, targetFiles), "db", "restore", archive);
        Assert.True(restoreExit == 0, restoreOutput);

        Assert.Equal(await CountsAsync(app.Database.ConnectionString), await CountsAsync(target.ConnectionString));
        await using var restored = target.CreateContext();
        var dossier = await restored.Dossiers.SingleAsync(d => d.Id == scenario.Dossier.Id);
        Assert.Equal(scenario.Dossier.Code, dossier.Code);
        Assert.Equal(scenario.Dossier.LookupKey, dossier.LookupKey);
        Assert.False((await restored.Database.GetPendingMigrationsAsync()).Any());

        var hashes = await restored.DossierAttachments.Select(a => a.Sha256).Distinct().ToListAsync();
        Assert.Equal(await restored.IssuedDocuments.CountAsync(), await app.Database.CreateContext().IssuedDocuments.CountAsync());
        Assert.NotEmpty(hashes);
        foreach (var hash in hashes)
        {
            var copy = Assert.Single(Directory.GetFiles(targetFiles, hash, SearchOption.AllDirectories));
            var original = Assert.Single(Directory.GetFiles(SourceFiles, hash, SearchOption.AllDirectories));
            Assert.Equal(hash, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(copy))));
            Assert.Equal(await File.ReadAllBytesAsync(original), await File.ReadAllBytesAsync(copy));
        }

        var (again, refused) = await CliRun.CliAsync(Env(target.ConnectionString, targetFiles), "db", "restore", archive);
        Assert.True(again == 2, refused);
        Assert.Contains("restore into an empty database only", refused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_archive_altered_after_the_backup_is_refused_and_nothing_is_restored()
    {
        await app.ScenarioAsync();
        var archive = Path.Combine(_work, "onestop.tar");
        Directory.CreateDirectory(_work);
        var (backupExit, backupOutput) = await CliRun.CliAsync(Env(app.Database.ConnectionString, SourceFiles), "db", "backup", archive);
        Assert.True(backupExit == 0, backupOutput);
        var (exists, existsOutput) = await CliRun.CliAsync(Env(app.Database.ConnectionString, SourceFiles), "db", "backup", archive);
        Assert.True(exists == 2, existsOutput);

        // One byte of a stored PDF changed, as a disk or a person might.
        var bytes = await File.ReadAllBytesAsync(archive);
        var pdf = bytes.AsSpan().IndexOf(OneStop.IntegrationTests.Workspace.OfficialPages.Pdf);
        Assert.True(pdf > 0);
        bytes[pdf + OneStop.IntegrationTests.Workspace.OfficialPages.Pdf.Length / 2] ^= 0x20;
        var altered = Path.Combine(_work, "altered.tar");
        await File.WriteAllBytesAsync(altered, bytes);

        await using var target = await TestDatabase.CreateEmptyAsync();
        var targetFiles = Path.Combine(_work, "restored-files");
        var (exit, output) = await CliRun.CliAsync(Env(target.ConnectionString, targetFiles), "db", "restore", altered);

        Assert.True(exit == 2, output);
        Assert.Contains("missing or altered", output, StringComparison.Ordinal);
        Assert.Empty(await CountsAsync(target.ConnectionString));
        Assert.False(Directory.Exists(targetFiles) && Directory.EnumerateFiles(targetFiles, "*", SearchOption.AllDirectories).Any());

        var (garbageExit, garbageOutput) = await CliRun.CliAsync(Env(target.ConnectionString, targetFiles), "db", "restore", typeof(BackupRestoreTests).Assembly.Location);
        Assert.True(garbageExit == 2, garbageOutput);
        Assert.DoesNotContain("   at ", garbageOutput, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Env(string connectionString, string files) => new()
    {
        ["ConnectionStrings__OneStop"] = connectionString,
        ["FileStore__Root"] = files,
    };

    private static async Task<SortedDictionary<string, long>> CountsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
            counts[table] = (long)(await count.ExecuteScalarAsync())!;
        }

        return counts;
    }
}

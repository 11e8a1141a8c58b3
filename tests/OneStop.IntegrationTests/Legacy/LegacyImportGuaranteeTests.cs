using OneStop.Legacy.Tests.Generator;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Legacy;

/// <summary>The guarantees of a legacy import on a real PostgreSQL, running the real CLI: idempotent, resumable after kill -9,
/// dry run and unusable bundles write nothing, the report balances, both encodings give the same database.</summary>
public sealed class LegacyImportGuaranteeTests : IAsyncLifetime
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "onestop-legacy-writer-" + Guid.NewGuid().ToString("N"));
    private readonly List<TestDatabase> _databases = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }

        if (Directory.Exists(_work))
        {
            Directory.Delete(_work, recursive: true);
        }
    }

    [Fact]
    public async Task A_second_run_reports_everything_unchanged_and_changes_nothing()
    {
        var bundle = Generate(new BundleSpec { Dossiers = 150, Defects = DefectCounts.OfEach(1) });
        var db = await DatabaseAsync();

        var first = await ImportAsync(db, bundle.Path, "r1");
        var afterFirst = await LegacyDatabaseSnapshot.TakeAsync(db.ConnectionString);
        var second = await ImportAsync(db, bundle.Path, "r2");

        foreach (var (table, c) in first)
        {
            Assert.Equal(bundle.Tables[table].Read, c[0]);
            Assert.Equal(c[0], c[1] + c[2] + c[3] + c[4] + c[5] + c[6]);
            var again = second[table];
            Assert.Equal(0, again[1]);
            Assert.Equal(c[1], again[2]);
            Assert.Equal(c[0], again[1] + again[2] + again[3] + again[4] + again[5] + again[6]);
        }

        Assert.Equal(afterFirst, await LegacyDatabaseSnapshot.TakeAsync(db.ConnectionString));
        Assert.Equal(first["ho_so"][1], await LegacyDatabaseSnapshot.CountAsync(db.ConnectionString, "SELECT count(*) FROM dossiers WHERE legacy_code IS NOT NULL"));
    }

    [Fact]
    public async Task A_dry_run_and_an_unusable_bundle_write_nothing()
    {
        var bundle = Generate(new BundleSpec { Dossiers = 40, Defects = DefectCounts.OfEach(1) });
        var db = await DatabaseAsync();
        var before = await LegacyDatabaseSnapshot.TakeAsync(db.ConnectionString);

        var (dryExit, dryOutput) = await LegacyCli.RunAsync(LegacyCli.Start(db.ConnectionString, Files(db), "legacy", "import", bundle.Path, "--dry-run"));
        Assert.True(dryExit == 0, dryOutput);
        File.WriteAllText(Path.Combine(bundle.Path, "manifest.json"), """{ "format": "mclt-export", "formatVersion": 2 }""");
        var (badExit, badOutput) = await LegacyCli.RunAsync(LegacyCli.Start(db.ConnectionString, Files(db), "legacy", "import", bundle.Path));

        Assert.True(badExit == 2, badOutput);
        Assert.Equal(before, await LegacyDatabaseSnapshot.TakeAsync(db.ConnectionString));
        Assert.Equal(0, await LegacyDatabaseSnapshot.CountAsync(db.ConnectionString, "SELECT count(*) FROM legacy.import_runs"));
        Assert.False(Directory.Exists(Files(db)) && Directory.EnumerateFiles(Files(db), "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task Both_encodings_give_identical_database_content()
    {
        var utf8 = Generate(new BundleSpec { Dossiers = 80, Defects = DefectCounts.OfEach(1), Encoding = BundleEncoding.Utf8WithBom }, "utf8");
        var cp1258 = Generate(new BundleSpec { Dossiers = 80, Defects = DefectCounts.OfEach(1), Encoding = BundleEncoding.Windows1258, Layout = BundleLayout.Zip }, "cp1258");
        var a = await DatabaseAsync();
        var b = await DatabaseAsync();

        var countsA = await ImportAsync(a, utf8.Path, "a");
        var countsB = await ImportAsync(b, cp1258.Path, "b");

        Assert.Equal(countsA.Select(p => (p.Key, string.Join(',', p.Value))), countsB.Select(p => (p.Key, string.Join(',', p.Value))));
        Assert.Equal(await LegacyDatabaseSnapshot.TakeAsync(a.ConnectionString), await LegacyDatabaseSnapshot.TakeAsync(b.ConnectionString));
        Assert.Equal(StoredFiles(a), StoredFiles(b));
    }

    [Fact]
    public async Task Batches_merged_on_several_connections_at_once_give_the_database_of_one_connection()
    {
        var bundle = Generate(new BundleSpec { Dossiers = 600, Defects = DefectCounts.OfEach(2) });
        var one = await DatabaseAsync();
        var several = await DatabaseAsync();

        var countsOne = await ImportAsync(one, bundle.Path, "one", "--workers", "1");
        // About 6 dossier batches, 30 history batches and 6 attachment batches, taken by 3 connections as each finishes its last.
        var countsSeveral = await ImportAsync(several, bundle.Path, "several", "--workers", "3", "--batch", "100");

        Assert.Equal(Show(countsOne), Show(countsSeveral));
        Assert.Equal(await LegacyDatabaseSnapshot.TakeAsync(one.ConnectionString), await LegacyDatabaseSnapshot.TakeAsync(several.ConnectionString));
        Assert.Equal(StoredFiles(one), StoredFiles(several));

        // And a second run over the batches of several connections finds everything unchanged.
        var again = await ImportAsync(several, bundle.Path, "again", "--workers", "3", "--batch", "100");
        Assert.All(countsOne, p => Assert.Equal((p.Key, 0L, p.Value[1] + p.Value[2]), (p.Key, again[p.Key][1], again[p.Key][2])));
    }

    [Theory]
    [InlineData("--workers", "0")]
    [InlineData("--workers", "17")]
    [InlineData("--batch", "99")]
    public async Task Merge_settings_out_of_range_are_refused_before_anything_is_written(string option, string value)
    {
        var bundle = Generate(new BundleSpec { Dossiers = 10 });
        var db = await DatabaseAsync();
        var before = await LegacyDatabaseSnapshot.TakeAsync(db.ConnectionString);

        var (exit, output) = await LegacyCli.RunAsync(LegacyCli.Start(db.ConnectionString, Files(db), "legacy", "import", bundle.Path, option, value));

        Assert.NotEqual(0, exit);
        Assert.Contains(option, output, StringComparison.Ordinal);
        Assert.Equal(before, await LegacyDatabaseSnapshot.TakeAsync(db.ConnectionString));
    }

    [Fact]
    public async Task Runs_killed_at_several_points_then_resumed_end_exactly_like_one_clean_run()
    {
        var bundle = Generate(new BundleSpec { Dossiers = 3000, Defects = DefectCounts.OfEach(2) });
        var clean = await DatabaseAsync();
        var killed = await DatabaseAsync();
        var expected = await ImportAsync(clean, bundle.Path, "clean");
        // The killed runs merge in batches of 1,000 lines on 3 connections at once, so kills land between batches committed out of order.
        string[] parallel = ["--workers", "3", "--batch", "1000"];

        // Each attempt resumes the one before; the first that is not killed finishes the import, and its report is the run's.
        var kills = 0;
        Dictionary<string, long[]>? resumed = null;
        foreach (var milliseconds in new[] { 1200, 1500, 2000, 2500, 3000, 4000, 6000, 9000 })
        {
            var report = Path.Combine(_work, "report-attempt-" + milliseconds);
            if (await LegacyCli.RunAndKillAsync(LegacyCli.Start(killed.ConnectionString, Files(killed), ["legacy", "import", bundle.Path, "--report", report, .. parallel]),
                    TimeSpan.FromMilliseconds(milliseconds)))
            {
                kills++;
                continue;
            }

            resumed = await LegacyCli.CountsAsync(report);
            break;
        }

        resumed ??= await ImportAsync(killed, bundle.Path, "resumed");

        Assert.True(kills >= 2, $"only {kills} runs were killed before they finished");

        // The run's report is the one stored by the attempt that completed it. That attempt may itself have been killed after storing
        // it (while writing --report or printing the summary; the import is quick now): then the next attempt was a second run of an
        // imported bundle, which must find everything unchanged.
        var runs = await RunReportsAsync(killed);
        Assert.Equal(Show(expected), Show(runs[0]));
        if (runs.Count == 1)
        {
            Assert.Equal(Show(expected), Show(resumed));
        }

        foreach (var again in runs.Skip(1))
        {
            Assert.All(expected, p => Assert.Equal((p.Key, 0L, p.Value[1] + p.Value[2]), (p.Key, again[p.Key][1], again[p.Key][2])));
        }
        Assert.Equal(await LegacyDatabaseSnapshot.TakeAsync(clean.ConnectionString), await LegacyDatabaseSnapshot.TakeAsync(killed.ConnectionString));
        Assert.Equal(StoredFiles(clean), StoredFiles(killed));
        Assert.Empty(Directory.EnumerateFiles(Files(killed), "*.tmp", SearchOption.AllDirectories)); // swept when the run resumed
    }

    [Fact]
    public async Task A_merge_that_fails_while_the_next_file_is_staged_fails_the_run_with_its_own_error_and_the_next_run_completes_it()
    {
        var bundle = Generate(new BundleSpec { Dossiers = 3000, Defects = DefectCounts.OfEach(1) });
        var clean = await DatabaseAsync();
        var failing = await DatabaseAsync();
        var expected = await ImportAsync(clean, bundle.Path, "clean");

        // A trigger refuses dossiers past the first thousand: the dossier merge fails after its first batch, while the history
        // file is being read and staged beside it on another connection.
        await Sql(failing, """
            CREATE FUNCTION f_test_fail_late_batches() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF (SELECT count(*) FROM dossiers WHERE legacy_code IS NOT NULL) > 1000 THEN
                    RAISE EXCEPTION 'lỗi thử: lô hồ sơ thứ hai bị từ chối';
                END IF;
                RETURN NULL;
            END $$;
            CREATE TRIGGER tr_test_fail_late_batches AFTER INSERT ON dossiers FOR EACH STATEMENT EXECUTE FUNCTION f_test_fail_late_batches();
            """);
        var (exit, output) = await LegacyCli.RunAsync(LegacyCli.Start(failing.ConnectionString, Files(failing),
            "legacy", "import", bundle.Path, "--batch", "1000"));

        Assert.NotEqual(0, exit);
        Assert.Contains("lỗi thử: lô hồ sơ thứ hai bị từ chối", output, StringComparison.Ordinal);
        Assert.Equal("lỗi thử: lô hồ sơ thứ hai bị từ chối", await Sql(failing, "SELECT substring(error from 'lỗi thử: lô hồ sơ thứ hai bị từ chối') FROM legacy.import_runs WHERE status = 'Failed'"));

        // Nothing of the failed batches is there, and once the cause is gone the next run resumes and ends like one clean run.
        await Sql(failing, "DROP TRIGGER tr_test_fail_late_batches ON dossiers; DROP FUNCTION f_test_fail_late_batches()");
        var resumed = await ImportAsync(failing, bundle.Path, "resumed");
        Assert.Equal(Show(expected), Show(resumed));
        Assert.Equal(await LegacyDatabaseSnapshot.TakeAsync(clean.ConnectionString), await LegacyDatabaseSnapshot.TakeAsync(failing.ConnectionString));
    }

    /// <summary>Runs SQL on the database and returns its first value, if any.</summary>
    private static async Task<object?> Sql(TestDatabase db, string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    [Fact]
    public async Task A_resumed_run_sweeps_its_own_temporary_files_and_abandoned_ones_but_not_a_write_in_progress()
    {
        var bundle = Generate(new BundleSpec { Dossiers = 40, Defects = DefectCounts.OfEach(1) });
        var db = await DatabaseAsync();
        await ImportAsync(db, bundle.Path, "first");
        var stored = StoredFiles(db);

        // As if the run had been killed while copying an attachment: the run is unfinished and its temporary file is in the store,
        // beside an abandoned one (2 hours untouched), a fresh one of another writer (an upload in progress) and one of another run.
        await using (var connection = new Npgsql.NpgsqlConnection(db.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand("UPDATE legacy.import_runs SET status = 'Running', finished_at = NULL RETURNING id", connection);
            var run = (Guid)(await command.ExecuteScalarAsync())!;
            Temporary(db, $"legacy-{run:N}.{Guid.NewGuid():N}.tmp", TimeSpan.Zero);
        }

        var abandoned = Temporary(db, $"{Guid.NewGuid():N}.tmp", TimeSpan.FromHours(2));
        var inProgress = Temporary(db, $"{Guid.NewGuid():N}.tmp", TimeSpan.FromMinutes(1));
        var otherRun = Temporary(db, $"legacy-{Guid.NewGuid():N}.{Guid.NewGuid():N}.tmp", TimeSpan.FromMinutes(1));

        var (exit, output) = await LegacyCli.RunAsync(LegacyCli.Start(db.ConnectionString, Files(db), "legacy", "import", bundle.Path));

        Assert.True(exit == 0, output);
        Assert.Contains("Đã xoá 2 tệp tạm", output, StringComparison.Ordinal);
        Assert.Equal([Path.GetFileName(inProgress), Path.GetFileName(otherRun)],
            Directory.EnumerateFiles(Files(db), "*.tmp", SearchOption.AllDirectories).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.False(File.Exists(abandoned));
        Assert.Equal(stored, StoredFiles(db));
        Assert.Equal(0, await LegacyDatabaseSnapshot.CountAsync(db.ConnectionString, "SELECT count(*) FROM legacy.import_runs WHERE status <> 'Completed'"));
    }

    private string Temporary(TestDatabase db, string name, TimeSpan age)
    {
        var path = Path.Combine(Files(db), name);
        File.WriteAllText(path, "%PDF-1.4 cut");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow - age);
        return path;
    }

    private static IEnumerable<(string, string)> Show(Dictionary<string, long[]> counts) =>
        counts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, string.Join(',', p.Value)));

    /// <summary>The counters of every run's stored report, oldest first (every run must have completed).</summary>
    private static async Task<List<Dictionary<string, long[]>>> RunReportsAsync(TestDatabase db)
    {
        await using var connection = new Npgsql.NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT status, report_json::text FROM legacy.import_runs ORDER BY started_at", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var reports = new List<Dictionary<string, long[]>>();
        while (await reader.ReadAsync())
        {
            Assert.Equal("Completed", reader.GetString(0));
            reports.Add(LegacyCli.Counts(reader.GetString(1)));
        }

        return reports;
    }

    private GeneratedBundle Generate(BundleSpec spec, string name = "bundle") => BundleGenerator.Write(_work, spec, name);

    private async Task<TestDatabase> DatabaseAsync()
    {
        var database = await TestDatabase.CreateAsync();
        _databases.Add(database);
        return database;
    }

    private string Files(TestDatabase db) => Path.Combine(_work, "files-" + db.Name);

    // A write cut by kill -9 leaves its "*.tmp" behind; it is never a stored file (files appear only by an atomic rename).
    private string StoredFiles(TestDatabase db) => string.Join('\n', Directory.EnumerateFiles(Files(db), "*", SearchOption.AllDirectories)
        .Where(f => !f.EndsWith(".tmp", StringComparison.Ordinal))
        .Select(f => Path.GetRelativePath(Files(db), f)).Order(StringComparer.Ordinal));

    private async Task<Dictionary<string, long[]>> ImportAsync(TestDatabase db, string bundle, string report, params string[] options)
    {
        var directory = Path.Combine(_work, "report-" + report + "-" + Guid.NewGuid().ToString("N")[..6]);
        var (exit, output) = await LegacyCli.RunAsync(LegacyCli.Start(db.ConnectionString, Files(db), ["legacy", "import", bundle, "--report", directory, .. options]));
        Assert.True(exit == 0, output);
        return await LegacyCli.CountsAsync(directory);
    }
}

using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OneStop.Legacy.Tests.Generator;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Operations;

/// <summary>
/// Every onestop command, run as a new installation would run it: on a fresh, empty database (never migrated), with no database,
/// and with one that does not answer. None may print a stack trace or meet a missing table; each ends with its documented exit code.
/// </summary>
public sealed partial class FreshDatabaseCliTests : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "onestop-fresh-cli-" + Guid.NewGuid().ToString("N"));

    /// <summary>The command (as its help names it) → how it is run here and the exit code it must end with on a fresh database.</summary>
    private readonly Dictionary<string, (string[] Args, int Exit)> _commands;

    public FreshDatabaseCliTests()
    {
        Directory.CreateDirectory(_work);
        var bundle = BundleGenerator.Write(_work, new BundleSpec { Dossiers = 5 }).Path;
        var workflows = Directory.GetFiles(Path.Combine(CliRun.RepositoryRoot, "workflows"), "*.json").Order(StringComparer.Ordinal).ToArray();
        _commands = new()
        {
            ["db migrate"] = (["db", "migrate"], 0),
            ["db backup"] = (["db", "backup", Path.Combine(_work, "sao-luu.tar")], 0),
            ["db restore"] = (["db", "restore", Path.Combine(_work, "khong-co.tar")], 2),
            ["seed demo"] = (["seed", "demo"], 0),
            ["user add"] = (["user", "add", "quantri@langson.gov.vn", "--role", "Admin", "--password", "QuanTri2026x"], 0),
            ["workflow validate"] = (["workflow", "validate", .. workflows], 0),
            ["workflow diagram"] = (["workflow", "diagram", workflows.First(f => !f.EndsWith(".schema.json", StringComparison.Ordinal)), "--out", "-"], 0),
            ["legacy import"] = (["legacy", "import", bundle, "--report", Path.Combine(_work, "report")], 0),
            ["dev-ca"] = (["dev-ca", "--out", Path.Combine(_work, "dev-ca")], 0),
        };
    }

    public void Dispose()
    {
        if (Directory.Exists(_work))
        {
            Directory.Delete(_work, recursive: true);
        }
    }

    [Fact]
    public async Task Every_command_of_the_cli_is_run_by_these_tests()
    {
        var (exit, help) = await CliRun.CliAsync(new Dictionary<string, string?>(), "--help");
        Assert.Equal(0, exit);
        var listed = new List<string>();
        foreach (var branch in Commands(help))
        {
            var (branchExit, branchHelp) = await CliRun.CliAsync(new Dictionary<string, string?>(), branch, "--help");
            Assert.Equal(0, branchExit);
            // A branch lists its commands; a command (dev-ca) has none of its own.
            listed.AddRange(branchHelp.Contains("COMMANDS:", StringComparison.Ordinal) ? Commands(branchHelp).Select(c => $"{branch} {c}") : [branch]);
        }

        Assert.Equal(listed.Order(StringComparer.Ordinal), _commands.Keys.Order(StringComparer.Ordinal));
    }

    public static TheoryData<string> Names() => ["db migrate", "db backup", "db restore", "seed demo", "user add", "workflow validate", "workflow diagram", "legacy import", "dev-ca"];

    // Commands that read or write files only: they work without a database and never touch one.
    private static bool FilesOnly(string name) => name.StartsWith("workflow", StringComparison.Ordinal) || name == "dev-ca";

    // A backup is what one takes before an upgrade, and a restore goes into an empty database: neither migrates.
    private static bool NeverMigrates(string name) => name is "db backup" or "db restore";

    [Theory]
    [MemberData(nameof(Names))]
    public async Task On_a_fresh_database_each_command_migrates_when_it_must_and_never_meets_a_missing_table(string name)
    {
        await using var database = await TestDatabase.CreateEmptyAsync();
        var (args, expected) = _commands[name];

        var (exit, output) = await CliRun.CliAsync(Environment(database.ConnectionString), args);

        Assert.True(exit == expected, $"exit {exit}\n{output}");
        AssertClean(output);
        await using var db = database.CreateContext();
        var migrated = !(await db.Database.GetPendingMigrationsAsync()).Any();
        if (FilesOnly(name) || NeverMigrates(name))
        {
            Assert.False(migrated, "a command of files only, a backup or a restore must not migrate the database");
            if (name == "workflow validate")
            {
                Assert.Single(output.Split('\n'), l => l.Contains("were not checked: the database is not migrated", StringComparison.Ordinal));
                Assert.Contains("workflow.schema.json: JSON Schema, bỏ qua", output, StringComparison.Ordinal);
            }
        }
        else
        {
            Assert.True(migrated, output);
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Without_a_database_each_command_says_so_in_one_line(string name)
    {
        var (args, _) = _commands[name];

        var (exit, output) = await CliRun.CliAsync(new Dictionary<string, string?> { ["FileStore__Root"] = Path.Combine(_work, "files") }, args);

        AssertClean(output);
        if (FilesOnly(name))
        {
            Assert.True(exit == 0, $"exit {exit}\n{output}");
        }
        else
        {
            Assert.True(exit == 3, $"exit {exit}\n{output}");
            Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains("no database configured", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("db", "migrate")]
    [InlineData("seed", "demo")]
    [InlineData("legacy", "import")]
    public async Task A_database_that_does_not_answer_is_one_line_and_exit_3(string branch, string command)
    {
        var args = branch == "legacy" ? [branch, command, BundleGenerator.Write(_work, new BundleSpec { Dossiers = 2 }, "unanswered").Path] : new[] { branch, command };

        var (exit, output) = await CliRun.CliAsync(Environment("Host=127.0.0.1;Port=1;Database=onestop;Username=onestop;Password=x;Timeout=3"), args);

        Assert.True(exit == 3, $"exit {exit}\n{output}");
        AssertClean(output);
        Assert.Contains("the database does not answer", output, StringComparison.Ordinal);
        Assert.DoesNotContain("run the command again", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Chạy lại lệnh", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_stopped_part_way_through_the_squashed_migrations_is_refused_in_one_line_with_exit_3()
    {
        await using var database = await TestDatabase.CreateEmptyAsync();
        await using (var db = database.CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync(
                "CREATE TABLE __ef_migrations_history (migration_id varchar(150) PRIMARY KEY, product_version varchar(32) NOT NULL); " +
                "INSERT INTO __ef_migrations_history VALUES ('20261128130007_Foundation', '10.0.0'), ('20261128132124_WorkflowEngine', '10.0.0');");
        }

        foreach (var args in new[] { ["db", "migrate"], _commands["seed demo"].Args })
        {
            var (exit, output) = await CliRun.CliAsync(Environment(database.ConnectionString), args);

            Assert.True(exit == 3, $"exit {exit}\n{output}");
            AssertClean(output);
            Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains("recreate it, then run ./onestop db migrate", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_dev_ca_reuses_its_ca_and_refuses_a_wrong_password_with_exit_2()
    {
        var (args, _) = _commands["dev-ca"];
        var (first, _) = await CliRun.CliAsync(new Dictionary<string, string?>(), args);
        Assert.Equal(0, first);
        var root = await File.ReadAllBytesAsync(Path.Combine(_work, "dev-ca", "root-ca.crt"));

        var (again, output) = await CliRun.CliAsync(new Dictionary<string, string?>(), [.. args, "--person", "Vi Văn Thắng"]);
        Assert.True(again == 0, output);
        Assert.Equal(root, await File.ReadAllBytesAsync(Path.Combine(_work, "dev-ca", "root-ca.crt")));
        Assert.True(File.Exists(Path.Combine(_work, "dev-ca", "people", "vi-van-thang.p12")));
        Assert.Matches(@"(?m)^Cá nhân\s+Vi Văn Thắng\s+people/vi-van-thang\.p12\s+\d{2}/\d{2}/\d{4}$", output);

        var (wrong, refused) = await CliRun.CliAsync(new Dictionary<string, string?>(), [.. args, "--password", "sai"]);
        Assert.True(wrong == 2, $"exit {wrong}\n{refused}");
        AssertClean(refused);
    }

    [Fact]
    public async Task The_import_summary_is_a_plain_table_when_the_output_is_not_a_terminal()
    {
        await using var database = await TestDatabase.CreateEmptyAsync();
        var (args, _) = _commands["legacy import"];

        var (exit, output) = await CliRun.CliAsync(Environment(database.ConnectionString), args);

        Assert.True(exit == 0, output);
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var header = Assert.Single(lines, l => l.StartsWith("Bảng ", StringComparison.Ordinal));
        Assert.Matches(@"^Bảng\s+Manifest\s+Đọc\s+Nhập\s+Không đổi\s+Trùng \(bỏ\)\s+Mồ côi\s+Cha bị loại\s+Loại\s+Cảnh báo$", header);
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^ho_so\s+\d+\s+\d+"));
        Assert.DoesNotContain(output, c => "│─╭╰┌└".Contains(c));
        Assert.DoesNotContain('\u001b', output);
    }

    [Fact]
    public async Task Usage_errors_are_one_line_and_exit_2()
    {
        var (exit, output) = await CliRun.CliAsync(new Dictionary<string, string?>(), "user", "add");

        Assert.Equal(2, exit);
        AssertClean(output);
        Assert.Contains("missing required argument 'EMAIL'", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_of_the_script_documents_every_exit_code()
    {
        var (exit, output) = await CliRun.ScriptAsync(new Dictionary<string, string?>(), "help");

        Assert.Equal(0, exit);
        var codes = ExitCodeLine().Matches(output).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["0", "1", "2", "3", "130"], codes);
    }

    [Fact]
    public async Task The_script_opens_psql_on_a_configured_fresh_database_without_building_anything()
    {
        await using var database = await TestDatabase.CreateEmptyAsync();

        var (exit, output) = await CliRun.ScriptAsync(new Dictionary<string, string?> { ["ONESTOP_DB"] = database.ConnectionString },
            "psql", "-tAc", "select 41 + 1");

        Assert.True(exit == 0, output);
        Assert.Contains("42", output, StringComparison.Ordinal);
    }

    private Dictionary<string, string?> Environment(string connectionString) => new()
    {
        ["ConnectionStrings__OneStop"] = connectionString,
        ["FileStore__Root"] = Path.Combine(_work, "files"),
    };

    /// <summary>No stack trace, no EF Core error log, no missing relation, whatever the command printed.</summary>
    private static void AssertClean(string output)
    {
        Assert.DoesNotMatch(@"(?m)^\s+at [\w.<>`]+\(", output);
        Assert.DoesNotContain("fail: ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("does not exist", output, StringComparison.Ordinal);
        Assert.DoesNotContain("42P01", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", output, StringComparison.Ordinal);
    }

    // The lines of a Spectre help page's COMMANDS section: "    name    description".
    private static IEnumerable<string> Commands(string help) =>
        help[(help.IndexOf("COMMANDS:", StringComparison.Ordinal) + "COMMANDS:".Length)..]
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Trim())
            .Where(l => l.Length > 0)
            .Select(l => l.Split(' ', 2)[0]);

    [GeneratedRegex(@"(?m)^  (\d+)\s{2,}\S")]
    private static partial Regex ExitCodeLine();
}

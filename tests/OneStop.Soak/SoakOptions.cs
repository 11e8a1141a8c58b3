using System.Globalization;

namespace OneStop.Soak;

/// <summary>What one soak run does: how many hosts, how long, which faults, and where the database, the build and the cluster are.</summary>
internal sealed record SoakOptions
{
    public int Hosts { get; init; } = 2;
    public double Minutes { get; init; } = 3;
    public bool Faults { get; init; }
    public int Seed { get; init; } = Environment.TickCount & 0xFFFF;
    public int Citizens { get; init; } = 4;
    public int OfficialsPerRole { get; init; } = 2;
    public int KillEverySeconds { get; init; } = 60;
    public int? MaxKills { get; init; }
    public bool PgRestart { get; init; } = true;
    public string Database { get; init; } = "onestop_soak";
    public string? PgData { get; init; }
    public string? PgBin { get; init; }
    public string Root { get; init; } = RepoRoot();
    public string Configuration { get; init; } = OwnConfiguration();

    public string WebDll => Path.Combine(Root, "src", "OneStop.Web", "bin", Configuration, "net10.0", "OneStop.Web.dll");
    public string CliDll => Path.Combine(Root, "src", "OneStop.Cli", "bin", Configuration, "net10.0", "onestop-cli.dll");
    public string WorkDir => Path.Combine(Root, ".local", Database);

    public const string Usage = """
        Usage: onestop-soak [--hosts N] [--minutes M] [--faults] [--seed S] [--citizens C] [--officials K] [--kill-every SECONDS]
                            [--kills MAX] [--no-pg-restart] [--database NAME] [--pg-data DIR --pg-bin DIR]
        The server is ConnectionStrings__OneStop's; the database NAME (onestop_soak) is dropped and created again.
        --pg-data/--pg-bin: the local cluster the harness may restart (pg_ctl restart -m fast) once under --faults.
        """;

    public static SoakOptions Parse(string[] args)
    {
        var options = new SoakOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Int() => int.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--hosts" => options with { Hosts = Math.Max(1, Int()) },
                "--minutes" => options with { Minutes = double.Parse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture) },
                "--faults" => options with { Faults = true },
                "--seed" => options with { Seed = Int() },
                "--citizens" => options with { Citizens = Math.Max(1, Int()) },
                "--officials" => options with { OfficialsPerRole = Math.Max(1, Int()) },
                "--kill-every" => options with { KillEverySeconds = Math.Max(5, Int()) },
                "--kills" => options with { MaxKills = Int() },
                "--no-pg-restart" => options with { PgRestart = false },
                "--database" => options with { Database = Value() },
                "--pg-data" => options with { PgData = Value() },
                "--pg-bin" => options with { PgBin = Value() },
                _ => throw new ArgumentException($"unknown argument '{args[i]}'"),
            };
        }

        if (options.Minutes <= 0 || !System.Text.RegularExpressions.Regex.IsMatch(options.Database, "^[a-z_][a-z0-9_]{0,62}$"))
        {
            throw new ArgumentException("--minutes must be positive and --database a plain lower-case name");
        }

        return options;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OneStop.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }

    // bin/<Configuration>/net10.0: the hosts and the CLI are taken from the same build as the harness.
    private static string OwnConfiguration() =>
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent?.Name is { Length: > 0 } name ? name : "Release";
}

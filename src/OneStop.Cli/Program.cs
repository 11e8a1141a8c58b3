using System.Text;
using OneStop.Cli.Commands;
using OneStop.Cli.Hosting;
using Spectre.Console.Cli;

namespace OneStop.Cli;

/// <summary>The onestop command line: database, seed, users, workflows, legacy import.</summary>
public static class CliProgram
{
    public static Task<int> Main(string[] args)
    {
        Console.OutputEncoding = Encoding.UTF8;
        CliConsole.Configure();
        return Create().RunAsync(Normalise(args));
    }

    public static CommandApp Create()
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("onestop");
            config.SetExceptionHandler(CliErrors.Handle);
            config.AddBranch("db", db =>
            {
                db.SetDescription("The database.");
                db.AddCommand<MigrateCommand>("migrate").WithDescription("Apply the database migrations.");
                db.AddCommand<BackupCommand>("backup")
                    .WithDescription("Write a consistent backup (pg_dump of one snapshot, the files its rows reference, a manifest of counts and checksums).");
                db.AddCommand<RestoreCommand>("restore").WithDescription("Restore a backup into an empty database and the file store, checking every checksum.");
            });
            config.AddBranch("seed", seed =>
            {
                seed.SetDescription("Demo data.");
                seed.AddCommand<SeedDemoCommand>("demo").WithDescription("Seed the demo province (migrates first if needed).");
            });
            config.AddBranch("user", user =>
            {
                user.SetDescription("Accounts.");
                user.AddCommand<UserAddCommand>("add").WithDescription("Create an account (migrates first if needed).");
            });
            config.AddBranch("workflow", workflow =>
            {
                workflow.SetDescription("Workflow definition files.");
                workflow.AddCommand<WorkflowValidateCommand>("validate").WithDescription("Validate workflow definition files.");
                workflow.AddCommand<WorkflowDiagramCommand>("diagram").WithDescription("Write a workflow's diagram (Mermaid).");
            });
            config.AddCommand<DevCaCommand>("dev-ca").WithDescription("Make a development CA and PKCS#12 files for named people and agencies (never for production).");
            config.AddBranch("legacy", legacy =>
            {
                legacy.SetDescription("The legacy system's data.");
                legacy.AddCommand<LegacyImportCommand>("import")
                    .WithDescription("Import a legacy export (migrates first if needed; --dry-run: validate and report only).");
            });
        });
        return app;
    }

    // "--out -" (standard output) reads as a value to people but as an unnamed option to the parser.
    private static string[] Normalise(string[] args)
    {
        var result = new List<string>(args.Length);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--out" && i + 1 < args.Length && args[i + 1] == "-")
            {
                result.Add("--out=-");
                i++;
            }
            else
            {
                result.Add(args[i]);
            }
        }

        return [.. result];
    }
}

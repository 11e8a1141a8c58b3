using System.Text;
using OneStop.Cli.Commands;
using Spectre.Console.Cli;

namespace OneStop.Cli;

/// <summary>The onestop command line: database, seed, users, workflows, legacy import.</summary>
public static class CliProgram
{
    public static Task<int> Main(string[] args)
    {
        Console.OutputEncoding = Encoding.UTF8;
        return Create().RunAsync(args);
    }

    public static CommandApp Create()
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("onestop");
            config.AddBranch("db", db => db.AddCommand<MigrateCommand>("migrate").WithDescription("Apply the database migrations."));
            config.AddBranch("seed", seed => seed.AddCommand<SeedDemoCommand>("demo").WithDescription("Seed the demo province."));
            config.AddBranch("user", user => user.AddCommand<UserAddCommand>("add").WithDescription("Create an account."));
            config.AddBranch("workflow", workflow =>
            {
                workflow.AddCommand<WorkflowValidateCommand>("validate").WithDescription("Validate workflow definition files.");
                workflow.AddCommand<WorkflowDiagramCommand>("diagram").WithDescription("Write a workflow's diagram (Mermaid).");
            });
            config.AddCommand<DevCaCommand>("dev-ca").WithDescription("Make a development CA and PKCS#12 files for named people and agencies (never for production).");
            config.AddBranch("legacy", legacy =>
            {
                legacy.AddCommand<LegacyImportCommand>("import").WithDescription("Import a legacy export (--dry-run: validate and report only).");
            });
        });
        return app;
    }
}

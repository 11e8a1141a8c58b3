using System.ComponentModel;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Cli.Hosting;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Database;
using OneStop.Infrastructure.Workflows;
using OneStop.Workflows.Loading;
using OneStop.Workflows.Validation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OneStop.Cli.Commands;

/// <summary>
/// onestop workflow validate FILE...: prints every problem of each definition and exits 1 if any. The files are checked without a
/// database; agency and department names are checked too when a migrated database answers (one line says when they were not).
/// JSON Schema files (*.schema.json, as in `workflows/*.json`) are skipped.
/// </summary>
internal sealed class WorkflowValidateCommand : AsyncCommand<WorkflowValidateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FILES>")]
        [Description("Workflow definition files (JSON)")]
        public string[] Files { get; init; } = [];

        [CommandOption("--offline")]
        [Description("Do not read agencies and departments from the database (skips those checks)")]
        public bool Offline { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var (catalog, skipped) = settings.Offline ? ((OrganisationCatalog?)null, "--offline") : await TryReadCatalogAsync(cancellationToken);
        if (catalog is null)
        {
            AnsiConsole.MarkupLine($"[yellow]Chưa kiểm tra tên cơ quan/phòng ban[/] (agency and department names were not checked: {Markup.Escape(skipped!)}).");
        }

        var failed = 0;
        foreach (var file in settings.Files)
        {
            if (!File.Exists(file))
            {
                AnsiConsole.MarkupLine($"[red]✗ {Markup.Escape(file)}[/]: không tìm thấy tệp (file not found).");
                failed++;
                continue;
            }

            if (file.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase))
            {
                AnsiConsole.MarkupLine($"[grey]– {Markup.Escape(file)}[/]: JSON Schema, bỏ qua (skipped: not a definition).");
                continue;
            }

            var result = WorkflowLoader.LoadFile(file, catalog);
            if (result.IsValid)
            {
                AnsiConsole.MarkupLine($"[green]✓ {Markup.Escape(file)}[/]: {Markup.Escape(result.Definition!.Id)} v{result.Definition.Version} — hợp lệ (valid).");
                continue;
            }

            failed++;
            AnsiConsole.MarkupLine($"[red]✗ {Markup.Escape(file)}[/]: {result.Problems.Count} lỗi (problems)");
            foreach (var problem in result.Problems)
            {
                var where = problem.Line is null ? problem.Path : $"{problem.Path} (dòng {problem.Line}, vị trí {problem.Position})";
                AnsiConsole.MarkupLine($"  [bold]{Markup.Escape(where)}[/] [grey]{problem.Code}[/]: {Markup.Escape(problem.MessageVi)} — {Markup.Escape(problem.Message)}");
            }
        }

        return failed == 0 ? ExitCodes.Success : ExitCodes.Failed;
    }

    /// <summary>The organisation from the database, or why not (never a query on a database that is not migrated).</summary>
    private static async Task<(OrganisationCatalog? Catalog, string? Skipped)> TryReadCatalogAsync(CancellationToken cancellationToken)
    {
        if (DatabaseOptions.ResolveConnectionString(null) is null)
        {
            return (null, "no database configured");
        }

        try
        {
            return await CliHost.RunScopedAsync<(OrganisationCatalog?, string?)>(async services =>
            {
                var db = services.GetRequiredService<OneStopDbContext>();
                var state = await DatabaseState.ReadAsync(db, cancellationToken);
                if (!state.Reachable)
                {
                    return (null, "the database does not answer");
                }

                return state.Migrated
                    ? (OrganisationCatalogReader.Read(db), null)
                    : (null, "the database is not migrated; run ./onestop db migrate");
            }, migrate: false, cancellationToken);
        }
        catch (DatabaseUnavailableException)
        {
            return (null, "the database does not answer");
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return (null, "the database could not be read: " + DatabaseState.OneLine(ex));
        }
    }
}

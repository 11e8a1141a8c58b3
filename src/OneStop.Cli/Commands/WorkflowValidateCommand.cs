using System.ComponentModel;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Cli.Hosting;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Workflows;
using OneStop.Workflows.Loading;
using OneStop.Workflows.Validation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OneStop.Cli.Commands;

/// <summary>onestop workflow validate FILE...: prints every problem of each definition and exits non-zero if any.</summary>
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
        var catalog = settings.Offline ? null : await TryReadCatalogAsync();
        if (catalog is null && !settings.Offline)
        {
            AnsiConsole.MarkupLine("[yellow]Không đọc được danh mục cơ quan từ cơ sở dữ liệu; bỏ qua kiểm tra cơ quan/phòng ban.[/]");
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

        return failed == 0 ? 0 : 1;
    }

    private static async Task<OrganisationCatalog?> TryReadCatalogAsync()
    {
        if (DatabaseOptions.ResolveConnectionString(null) is null)
        {
            return null;
        }

        try
        {
            return await CliHost.RunScopedAsync(services =>
                Task.FromResult(OrganisationCatalogReader.Read(services.GetRequiredService<OneStopDbContext>())));
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or InvalidOperationException)
        {
            return null;
        }
    }
}

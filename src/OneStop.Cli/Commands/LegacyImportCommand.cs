using System.ComponentModel;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Cli.Hosting;
using OneStop.Infrastructure.Legacy;
using OneStop.Infrastructure.Observability;
using OneStop.Legacy.Bundles;
using OneStop.Legacy.Reporting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OneStop.Cli.Commands;

/// <summary>
/// onestop legacy import BUNDLE [--dry-run] [--mapping FILE] [--report DIR]: validates the whole bundle before anything is written,
/// then migrates the database if it must and imports the bundle (binary COPY into staging, set-based merges; resumable). Exit 0 when
/// completed (even with reported row defects), 2 when the bundle or mapping is unusable (nothing written), 3 when the database cannot be
/// had (nothing written; the message says what to run), 1 when the import failed part-way (run it again to resume).
/// </summary>
internal sealed class LegacyImportCommand : AsyncCommand<LegacyImportCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<BUNDLE>")]
        [Description("The export folder or its .zip")]
        public string Bundle { get; init; } = string.Empty;

        [CommandOption("--dry-run")]
        [Description("Validate everything and write the report, but write nothing to the database")]
        public bool DryRun { get; init; }

        [CommandOption("--mapping <FILE>")]
        [Description("JSON mapping: legacy status/procedure to workflow and step, procedure codes, successor agencies")]
        public string? Mapping { get; init; }

        [CommandOption("--report <DIR>")]
        [Description("Write report.json and report.md here")]
        public string? Report { get; init; }

        [CommandOption("--workers <N>")]
        [Description("Database connections the batches of a table are merged on at once (1–16, default 2)")]
        public int Workers { get; init; } = 2;

        [CommandOption("--batch <LINES>")]
        [Description("Staged lines merged per transaction (100–1000000, default 50000)")]
        public int Batch { get; init; } = LegacyImportRequest.DefaultBatchLines;

        public override ValidationResult Validate() =>
            Workers is < 1 or > 16 ? ValidationResult.Error("--workers: từ 1 đến 16 kết nối.")
            : Batch is < 100 or > 1_000_000 ? ValidationResult.Error("--batch: từ 100 đến 1.000.000 dòng mỗi giao dịch.")
            : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var mapping = LegacyMapping.Default;
        if (settings.Mapping is { } mappingPath)
        {
            try
            {
                mapping = await LegacyMapping.LoadAsync(mappingPath, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
            {
                AnsiConsole.MarkupLine($"[red]Tệp ánh xạ không dùng được:[/] {Markup.Escape(ex.Message)}");
                return ExitCodes.BadInput;
            }
        }

        ImportReport report;
        try
        {
            using (LegacyBundle.Open(settings.Bundle))
            {
                // An unusable bundle is refused before the database is even configured.
            }

            var request = new LegacyImportRequest(settings.Bundle) { Mapping = mapping, DryRun = settings.DryRun, StartedBy = Environment.UserName,
                MergeWorkers = settings.Workers, BatchLines = settings.Batch };
            report = settings.DryRun
                ? await LegacyImportProgress.RunAsync(null, request, cancellationToken)
                : await CliHost.RunScopedAsync(async services =>
                {
                    var importer = services.GetRequiredService<LegacyImporter>();
                    using (services.GetRequiredService<LegacyImportMonitor>().Track(importer))
                    {
                        return await LegacyImportProgress.RunAsync(importer, request, cancellationToken);
                    }
                }, cancellationToken: cancellationToken);
        }
        catch (BundleException ex)
        {
            AnsiConsole.MarkupLine($"[red]Gói dữ liệu không dùng được:[/] {Markup.Escape(ex.Message)}");
            AnsiConsole.MarkupLine("Không có gì được ghi vào cơ sở dữ liệu.");
            return ExitCodes.BadInput;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            AnsiConsole.MarkupLine($"[red]Không đọc được gói dữ liệu:[/] {Markup.Escape(ex.Message)}");
            AnsiConsole.MarkupLine("Chạy lại lệnh để tiếp tục từ chỗ dừng (the run resumes).");
            return ExitCodes.Failed;
        }
        catch (Npgsql.NpgsqlException ex)
        {
            // The database was ready when the import began (CliHost checked and migrated it): this stopped it part-way.
            AnsiConsole.MarkupLine($"[red]Lỗi cơ sở dữ liệu khi nhập:[/] {Markup.Escape(OneStop.Infrastructure.Database.DatabaseState.OneLine(ex))}");
            AnsiConsole.MarkupLine("Chạy lại lệnh để tiếp tục từ chỗ dừng (the run resumes).");
            return ExitCodes.Failed;
        }

        LegacyImportSummary.Write(report, settings.DryRun);
        if (settings.Report is { } directory)
        {
            Directory.CreateDirectory(directory);
            await using (var json = File.Create(Path.Combine(directory, "report.json")))
            {
                await ImportReportJson.WriteAsync(report, json, cancellationToken);
            }

            await File.WriteAllTextAsync(Path.Combine(directory, "report.md"), ImportReportMarkdown.Render(report), cancellationToken);
            AnsiConsole.MarkupLine($"Báo cáo: [bold]{Markup.Escape(Path.Combine(directory, "report.json"))}[/] và report.md");
        }

        return ExitCodes.Success;
    }
}

using System.ComponentModel;
using System.Text.Json;
using OneStop.Legacy.Analysis;
using OneStop.Legacy.Bundles;
using OneStop.Legacy.Reporting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OneStop.Cli.Commands;

/// <summary>
/// onestop legacy import BUNDLE [--dry-run] [--mapping FILE] [--report DIR]: validates the whole bundle before anything is written.
/// Exit 0 when completed, 2 when the bundle or mapping is unusable (nothing written), 3 when the database writer is unavailable.
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
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Mapping is { } mappingPath)
        {
            try
            {
                using var mapping = JsonDocument.Parse(await File.ReadAllTextAsync(mappingPath, cancellationToken));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
            {
                AnsiConsole.MarkupLine($"[red]Tệp ánh xạ không dùng được:[/] {Markup.Escape(ex.Message)}");
                return 2;
            }
        }

        ImportReport report;
        try
        {
            using var analyzer = await LegacyBundleAnalyzer.OpenAsync(settings.Bundle, cancellationToken: cancellationToken);
            analyzer.Report.DryRun = true;
            var reading = analyzer.ReadAllAsync(cancellationToken);
            await AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
                .StartAsync(async progress =>
                {
                    var task = progress.AddTask("Đang kiểm tra gói dữ liệu");
                    task.IsIndeterminate = true;
                    var started = DateTime.UtcNow;
                    while (!reading.IsCompleted)
                    {
                        try
                        {
                            var rows = analyzer.Report.Tables.Values.Sum(t => t.Read);
                            var seconds = Math.Max(0.001, (DateTime.UtcNow - started).TotalSeconds);
                            var current = analyzer.Report.Tables.Keys.LastOrDefault() ?? "—";
                            task.Description = $"Kiểm tra [bold]{Markup.Escape(current)}[/]: {rows:N0} dòng, {rows / seconds:N0} dòng/s";
                        }
                        catch (InvalidOperationException)
                        {
                            // A table was added while we counted; the next tick shows it.
                        }

                        await Task.WhenAny(reading, Task.Delay(250, CancellationToken.None));
                    }

                    await reading;
                    task.StopTask();
                });
            report = analyzer.Complete();
        }
        catch (BundleException ex)
        {
            AnsiConsole.MarkupLine($"[red]Gói dữ liệu không dùng được:[/] {Markup.Escape(ex.Message)}");
            AnsiConsole.MarkupLine("Không có gì được ghi vào cơ sở dữ liệu.");
            return 2;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            AnsiConsole.MarkupLine($"[red]Không đọc được gói dữ liệu:[/] {Markup.Escape(ex.Message)}");
            AnsiConsole.MarkupLine("Không có gì được ghi vào cơ sở dữ liệu.");
            return 2;
        }

        var table = new Table().Border(TableBorder.Rounded)
            .Title(settings.DryRun ? "Chạy thử (không ghi vào cơ sở dữ liệu)" : "Kiểm tra trước khi nhập");
        foreach (var column in new[] { "Bảng", "Manifest", "Đọc", "Nhập được", "Không đổi", "Trùng (bỏ)", "Mồ côi", "Cha bị loại", "Loại", "Cảnh báo" })
        {
            table.AddColumn(column);
        }

        foreach (var (name, c) in report.Tables)
        {
            table.AddRow(name, c.ManifestRows?.ToString("N0") ?? "—", c.Read.ToString("N0"), c.Imported.ToString("N0"), c.Unchanged.ToString("N0"),
                c.Superseded.ToString("N0"), c.Orphaned.ToString("N0"), c.ParentRejected.ToString("N0"), c.Rejected.ToString("N0"), c.Warnings.ToString("N0"));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"{report.Issues.Count:N0} vấn đề được ghi nhận (issues).");
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

        if (!settings.DryRun)
        {
            // The database writer (staging COPY + set-based upserts) is not in this build: refuse rather than pretend.
            AnsiConsole.MarkupLine("[red]Chưa có bộ ghi cơ sở dữ liệu cho nhập dữ liệu cũ; chỉ --dry-run được hỗ trợ. Không có gì được ghi.[/]");
            return 3;
        }

        return 0;
    }
}

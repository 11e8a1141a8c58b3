using System.ComponentModel;
using OneStop.Legacy.Analysis;
using OneStop.Legacy.Bundles;
using OneStop.Legacy.Reporting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OneStop.Cli.Commands;

/// <summary>
/// onestop legacy check BUNDLE [--report DIR]: reads a whole legacy export (folder or .zip) without touching the database,
/// and reports every row and defect as the import would. Exit 0 when the bundle is usable, 2 when it is not.
/// </summary>
internal sealed class LegacyCheckCommand : AsyncCommand<LegacyCheckCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<BUNDLE>")]
        [Description("The export folder or its .zip")]
        public string Bundle { get; init; } = string.Empty;

        [CommandOption("--report <DIR>")]
        [Description("Write report.json and report.md here")]
        public string? Report { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ImportReport report;
        try
        {
            using var analyzer = await LegacyBundleAnalyzer.OpenAsync(settings.Bundle, cancellationToken: cancellationToken);
            analyzer.Report.DryRun = true;
            var reading = analyzer.ReadAllAsync(cancellationToken);
            await AnsiConsole.Status().StartAsync("Đang đọc gói dữ liệu…", async status =>
            {
                var progress = Task.Run(async () =>
                {
                    while (!reading.IsCompleted)
                    {
                        try
                        {
                            status.Status($"Đang đọc gói dữ liệu… {analyzer.Report.Tables.Values.Sum(t => t.Read):N0} dòng");
                        }
                        catch (InvalidOperationException)
                        {
                            // A table was added while we counted; the next tick shows it.
                        }

                        await Task.Delay(250, CancellationToken.None);
                    }
                }, CancellationToken.None);
                await reading;
                await progress;
            });
            report = analyzer.Complete();
        }
        catch (BundleException ex)
        {
            AnsiConsole.MarkupLine($"[red]Gói dữ liệu không dùng được:[/] {Markup.Escape(ex.Message)}");
            return 2;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            AnsiConsole.MarkupLine($"[red]Không đọc được gói dữ liệu:[/] {Markup.Escape(ex.Message)}");
            return 2;
        }

        var table = new Table().Border(TableBorder.Rounded).Title("Kiểm tra gói dữ liệu (không ghi vào cơ sở dữ liệu)");
        foreach (var column in new[] { "Bảng", "Manifest", "Đọc", "Nhập được", "Trùng (bỏ)", "Mồ côi", "Cha bị loại", "Loại", "Cảnh báo" })
        {
            table.AddColumn(column);
        }

        foreach (var (name, c) in report.Tables)
        {
            table.AddRow(name, c.ManifestRows?.ToString("N0") ?? "—", c.Read.ToString("N0"), c.Imported.ToString("N0"), c.Superseded.ToString("N0"),
                c.Orphaned.ToString("N0"), c.ParentRejected.ToString("N0"), c.Rejected.ToString("N0"), c.Warnings.ToString("N0"));
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

        return 0;
    }
}

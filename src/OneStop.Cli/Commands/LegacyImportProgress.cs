using OneStop.Cli.Hosting;
using OneStop.Infrastructure.Legacy;
using OneStop.Legacy.Analysis;
using OneStop.Legacy.Reporting;
using Spectre.Console;

namespace OneStop.Cli.Commands;

/// <summary>Runs an import (or a dry run) under a live progress display: phase, rows read of the manifest's total, rows/s, ETA.</summary>
internal static class LegacyImportProgress
{
    public static async Task<ImportReport> RunAsync(LegacyImporter? importer, LegacyImportRequest request, CancellationToken cancellationToken)
    {
        ImportReport? report = null;
        LegacyBundleAnalyzer? analyzer = null;
        Task<ImportReport> work;
        if (importer is null)
        {
            analyzer = await LegacyBundleAnalyzer.OpenAsync(request.BundlePath, cancellationToken: cancellationToken);
            analyzer.Report.DryRun = true;
            work = ReadAllAsync(analyzer, cancellationToken);
        }
        else
        {
            work = importer.ImportAsync(request, cancellationToken);
        }

        try
        {
            if (CliConsole.Plain)
            {
                report = await PlainAsync(work, () => analyzer?.Report ?? importer?.Report, () => importer?.Phase ?? "Kiểm tra (chạy thử)");
            }
            else
            {
                await AnsiConsole.Progress().AutoClear(false)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(),
                        new RemainingTimeColumn(), new SpinnerColumn())
                    .StartAsync(async progress =>
                    {
                        var task = progress.AddTask("Mở gói dữ liệu", maxValue: 1);
                        var started = DateTime.UtcNow;
                        while (!work.IsCompleted)
                        {
                            report ??= analyzer?.Report ?? importer?.Report;
                            if (report is not null)
                            {
                                Update(task, report, importer?.Phase ?? "Kiểm tra (chạy thử)", started);
                            }

                            await Task.WhenAny(work, Task.Delay(250, CancellationToken.None));
                        }

                        report = await work;
                        Update(task, report, "Hoàn tất", started);
                        task.Value = task.MaxValue;
                        task.StopTask();
                    });
            }

            if (importer is { SweptTemporaryFiles: > 0 and var swept })
            {
                AnsiConsole.MarkupLine($"Đã xoá {swept} tệp tạm do lần ghi bị ngắt để lại trong kho tệp (removed temporary files of cut writes).");
            }

            return report!;
        }
        finally
        {
            analyzer?.Dispose();
        }
    }

    // Not a terminal: a line every ten seconds and one at the end, instead of a bar redrawn in place.
    private static async Task<ImportReport> PlainAsync(Task<ImportReport> work, Func<ImportReport?> current, Func<string> phase)
    {
        var started = DateTime.UtcNow;
        while (await Task.WhenAny(work, Task.Delay(TimeSpan.FromSeconds(10), CancellationToken.None)) != work)
        {
            if (current() is { } running)
            {
                Console.Out.WriteLine(Describe(running, phase(), started));
            }
        }

        var report = await work;
        Console.Out.WriteLine(Describe(report, "Hoàn tất", started));
        return report;
    }

    private static string Describe(ImportReport report, string phase, DateTime started)
    {
        try
        {
            var total = report.Tables.Values.Sum(t => t.ManifestRows ?? 0);
            var rows = report.Tables.Values.Sum(t => t.Read);
            var seconds = Math.Max(0.001, (DateTime.UtcNow - started).TotalSeconds);
            return $"{phase}: {rows:N0}/{total:N0} dòng, {rows / seconds:N0} dòng/s, {seconds:N0} s";
        }
        catch (InvalidOperationException)
        {
            return phase;
        }
    }

    private static async Task<ImportReport> ReadAllAsync(LegacyBundleAnalyzer analyzer, CancellationToken cancellationToken)
    {
        await analyzer.ReadAllAsync(cancellationToken);
        return analyzer.Complete();
    }

    private static void Update(ProgressTask task, ImportReport report, string phase, DateTime started)
    {
        try
        {
            var total = Math.Max(1, report.Tables.Values.Sum(t => t.ManifestRows ?? 0));
            var rows = report.Tables.Values.Sum(t => t.Read);
            var seconds = Math.Max(0.001, (DateTime.UtcNow - started).TotalSeconds);
            task.MaxValue = Math.Max(total, rows);
            task.Value = rows;
            task.Description = $"{Markup.Escape(phase)}: {rows:N0}/{total:N0} dòng, {rows / seconds:N0} dòng/s";
        }
        catch (InvalidOperationException)
        {
            // A counter changed while we summed; the next tick shows it.
        }
    }
}

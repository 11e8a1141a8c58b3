using OneStop.Benchmarks.Harness;
using OneStop.Documents;
using OneStop.Documents.Models;
using UglyToad.PdfPig;

namespace OneStop.Benchmarks.Documents;

/// <summary>Receipt PDF throughput: OneStop.Documents (PDFsharp) single-threaded and in parallel, and Chromium as the reference.</summary>
internal static class DocumentsBenchmark
{
    private const string QuestPdfClaim = "over 1000 PDF files per minute per core";

    public static async Task<int> RunAsync(RunnerOptions options)
    {
        Console.WriteLine("== documents: Giấy tiếp nhận hồ sơ và hẹn trả kết quả ==");
        var machine = MachineInfo.Describe();
        Console.Write(machine);
        var service = new DocumentService();
        var models = Enumerable.Range(1, 64).Select(SampleReceipt.Create).ToArray();
        var sample = service.RenderReceipt(models[0]);
        var pages = sample.PageCount;
        Check(sample.Content, models[0], "PDFsharp");

        var results = new List<(string Renderer, Measurement M, double Kb, int Pages)>();
        foreach (var workers in new[] { 1, options.Workers }.Distinct())
        {
            var m = await Throughput.RunAsync($"OneStop.Documents (PDFsharp 6.2.4), {workers} worker(s)", workers, w =>
            {
                var i = w;
                return () =>
                {
                    var doc = service.RenderReceipt(models[i++ % models.Length]);
                    return Task.FromResult(doc.PageCount);
                };
            }, options).ConfigureAwait(false);
            results.Add(("OneStop.Documents (PDFsharp 6.2.4)", m, sample.Content.Length / 1024.0, pages));
        }

        var notes = new List<string>
        {
            $"Stopwatch harness: each worker renders receipts in a loop for a {options.Warmup.TotalSeconds:0} s warm-up, then for " +
            $"{options.Rounds} measured rounds of {options.Measure.TotalSeconds:0} s; the median round is shown, with the slowest–fastest pages/s. " +
            "ms/receipt is the mean wall time of one render as seen by its worker; CPU ms/receipt is process-tree CPU time " +
            "(this process plus Chromium's processes, from /proc) divided by receipts, so it is steadier than wall time on a shared machine.",
            "Files/min/core (wall) = receipts/s × 60 ÷ workers; files/min/core (CPU) = 60 000 ÷ CPU ms per receipt. " +
            "Others' CPU = busy CPU of the whole machine (/proc/stat) minus ours during the round, in cores: what other builds took.",
        };
        if (options.SkipChromium)
        {
            notes.Add("Chromium reference skipped (--no-chromium).");
        }
        else if (!File.Exists(options.Chromium))
        {
            notes.Add($"Chromium reference skipped: {options.Chromium} not found.");
            Console.Error.WriteLine($"warning: {options.Chromium} not found; Chromium reference skipped");
        }
        else
        {
            await using var chromium = await ChromiumPdf.StartAsync(options.Chromium).ConfigureAwait(false);
            var pagesByWorker = new List<Microsoft.Playwright.IPage>();
            for (var w = 0; w < options.Workers; w++)
                pagesByWorker.Add(await chromium.NewPageAsync().ConfigureAwait(false));
            var html = ReceiptHtml.Render(models[0]);
            var pdf = await ChromiumPdf.PrintAsync(pagesByWorker[0], html, ReceiptHtml.FooterTemplate(models[0])).ConfigureAwait(false);
            var chromiumPages = Check(pdf, models[0], "Chromium");
            await File.WriteAllBytesAsync(Path.Combine(OutDir(options), "receipt-chromium.pdf"), pdf).ConfigureAwait(false);
            foreach (var workers in new[] { 1, options.Workers }.Distinct())
            {
                var m = await Throughput.RunAsync($"Chromium {chromium.Version} HTML→PDF, {workers} page(s)", workers, w =>
                {
                    var i = w;
                    var page = pagesByWorker[w];
                    return async () =>
                    {
                        var model = models[i++ % models.Length];
                        await ChromiumPdf.PrintAsync(page, ReceiptHtml.Render(model), ReceiptHtml.FooterTemplate(model)).ConfigureAwait(false);
                        return chromiumPages;
                    };
                }, options).ConfigureAwait(false);
                results.Add(($"Chromium {chromium.Version} (Playwright SetContent + Pdf)", m, pdf.Length / 1024.0, chromiumPages));
            }

            notes.Add("Chromium: one browser for the run and one reused page per worker (warm); each operation builds the HTML " +
                "(with an inline SVG QR code), calls SetContentAsync and PdfAsync (A4, footer template). Its CPU time includes the browser processes.");
        }

        await File.WriteAllBytesAsync(Path.Combine(OutDir(options), "receipt-pdfsharp.pdf"), sample.Content).ConfigureAwait(false);
        var table = new ResultTable("Renderer", "Workers", "Receipts", "Pages/receipt", "ms/receipt (mean)", "ms p95", "Receipts/s",
            "Pages/s", "Pages/s range", "CPU ms/receipt", "Files/min/core (wall)", "Files/min/core (CPU)", "PDF KB", "Others' CPU (cores)");
        foreach (var (renderer, m, kb, p) in results)
        {
            table.Add(renderer, Fmt.I(m.Workers), Fmt.I(m.Operations), Fmt.I(p), Fmt.N(m.MeanMs, 2), Fmt.N(m.Percentile(95), 2),
                Fmt.N(m.OpsPerSecond), Fmt.N(m.UnitsPerSecond), m.UnitsRange, Fmt.N(m.CpuMsPerOp, 2), Fmt.N(m.OpsPerSecond * 60 / m.Workers, 0),
                Fmt.N(60_000 / m.CpuMsPerOp, 0), Fmt.N(kb, 1), Fmt.N(m.OthersCores, 2));
        }

        var single = results[0].M;
        notes.Add($"Ours on one worker: {Fmt.N(single.OpsPerSecond * 60, 0)} receipts/min (wall) and {Fmt.N(60_000 / single.CpuMsPerOp, 0)} per CPU-minute, " +
            $"{Fmt.N(single.UnitsPerSecond, 0)} pages/s.");
        table.Add("QuestPDF (published figure, not measured here)", "–", "–", "–", "–", "–", "–", "–", "–", "–", "> 1,000", "> 1,000", "–", "–");
        notes.Add($"QuestPDF's published figure is \"{QuestPdfClaim}\"; it is quoted, not measured (QuestPDF is not in our registry and its licence excludes government bodies).");
        Console.WriteLine();
        Console.WriteLine(table.ToConsole());
        await Report.WriteAsync(options, "documents", "Receipt PDF (Giấy tiếp nhận hồ sơ và hẹn trả kết quả)", machine,
            [("", table)], notes).ConfigureAwait(false);

        // The figures a script compares, last: ours per worker count, and against Chromium's CPU for the same receipt in the same run.
        var lines = new ResultLines();
        var ours = results.Where(r => r.Renderer.StartsWith("OneStop", StringComparison.Ordinal)).ToList();
        var theirs = results.Where(r => r.Renderer.StartsWith("Chromium", StringComparison.Ordinal)).ToList();
        foreach (var (_, m, kb, _) in ours)
        {
            var w = m.Workers.ToString(System.Globalization.CultureInfo.InvariantCulture);
            lines.Add($"receipt_ms_{w}w", m.MeanMs, "ms", 2);
            lines.Add($"receipt_cpu_ms_{w}w", m.CpuMsPerOp, "ms", 2);
            if (theirs.FirstOrDefault(t => t.M.Workers == m.Workers) is { M: { } chromium })
            {
                lines.Add($"chromium_receipt_cpu_ms_{w}w", chromium.CpuMsPerOp, "ms", 2);
                lines.Add($"chromium_vs_receipt_cpu_{w}w", chromium.CpuMsPerOp / m.CpuMsPerOp, "ratio", 1);
            }

            if (m.Workers == 1)
            {
                lines.Add("receipt_pdf_kb", kb, "KB", 1);
            }
        }

        lines.Print();
        return 0;
    }

    private static string OutDir(RunnerOptions options)
    {
        var dir = options.OutDir ?? Path.Combine(RepoPaths.Root, "artifacts", "benchmarks");
        Directory.CreateDirectory(dir);
        return dir;
    }

    // Both renderers must produce the same document: readable text with the applicant, dossier code and due date.
    private static int Check(byte[] pdf, ReceiptModel model, string renderer)
    {
        using var doc = PdfDocument.Open(pdf);
        var text = string.Join('\n', doc.GetPages().Select(p => p.Text)).Normalize();
        foreach (var expected in new[] { "GIẤY TIẾP NHẬN HỒ SƠ", model.Applicant.Name, model.DossierCode, model.Verification.Code })
        {
            if (!text.Replace(" ", "", StringComparison.Ordinal).Contains(expected.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal))
                throw new InvalidOperationException($"{renderer}: '{expected}' not found in the PDF text.");
        }

        return doc.NumberOfPages;
    }
}

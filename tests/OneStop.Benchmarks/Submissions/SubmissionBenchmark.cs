using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OneStop.Benchmarks.Harness;
using OneStop.Testing;

namespace OneStop.Benchmarks.Submissions;

/// <summary>
/// Online submissions through the real /api/v1 pipeline (in-process host, PostgreSQL local): create the draft with its form,
/// upload two ~200 KB PDFs, submit (code, workflow start). Each worker is one citizen's app repeating this.
/// </summary>
internal static class SubmissionBenchmark
{
    private const int AttachmentBytes = 200 * 1024;
    private static readonly int[] Levels = [1, 2, 4, 8];

    public static async Task<int> RunAsync(RunnerOptions options)
    {
        var machine = MachineInfo.Describe();
        // A console program is not found by the test host's content-root discovery: point it at the web project.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_ONESTOP_WEB", Path.Combine(RepoPaths.Root, "src", "OneStop.Web"));
        var app = new OneStopAppFactory();
        await app.InitializeAsync();
        try
        {
            return await MeasureAsync(app, options, machine).ConfigureAwait(false);
        }
        finally
        {
            // Drops the benchmark's own database and files, as a test class does.
            await ((Xunit.IAsyncLifetime)app).DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task<int> MeasureAsync(OneStopAppFactory app, RunnerOptions options, string machine)
    {
        var client = await app.CreateBearerClientAsync(DemoAccounts.Citizen);

        var lines = new ResultLines();
        var table = new ResultTable("Concurrent submissions", "Submissions/s", "p50 (ms)", "p99 (ms)", "Submissions", "Errors", "Machine CPU busy");
        foreach (var level in Levels)
        {
            await RunLevelAsync(client, level, options.Warmup, collect: false);
            var busy = MachineCpu.Busy();
            var wall = Stopwatch.StartNew();
            var (latencies, errors) = await RunLevelAsync(client, level, options.Measure, collect: true);
            wall.Stop();
            var elapsed = wall.Elapsed;
            var machineCpu = (MachineCpu.Busy() - busy).TotalSeconds / elapsed.TotalSeconds / Environment.ProcessorCount;
            latencies.Sort();
            table.Add(level.ToString(CultureInfo.InvariantCulture), Fmt.N(latencies.Count / elapsed.TotalSeconds),
                Fmt.N(Percentile(latencies, 0.50), 0), Fmt.N(Percentile(latencies, 0.99), 0), Fmt.I(latencies.Count), Fmt.I(errors),
                Fmt.N(machineCpu * 100, 0) + " %");
            Console.WriteLine($"{level} workers: {latencies.Count / elapsed.TotalSeconds:0.0}/s, p50 {Percentile(latencies, 0.5):0} ms, p99 {Percentile(latencies, 0.99):0} ms, errors {errors}");
            lines.Add($"submit_per_s_{level}c", latencies.Count / elapsed.TotalSeconds, "/s", 1);
            lines.Add($"submit_p50_ms_{level}c", Percentile(latencies, 0.50), "ms", 0);
            lines.Add($"submit_p99_ms_{level}c", Percentile(latencies, 0.99), "ms", 0);
            lines.Add($"submit_errors_{level}c", errors, "count", 0);
        }

        Console.WriteLine(table.ToMarkdown());
        await Report.WriteAsync(options, "submissions", "Online submissions: form + 2 attachments of 200 KB, then submit", machine, [(string.Empty, table)],
        [
            "One submission = POST /api/v1/dossiers (form data) + 2 × POST …/attachments (200 KB PDF each, distinct content, so each is hashed and stored) + POST …/submit (validation, code AGENCY-yyMMdd-NNNN from the per-agency daily counter row, workflow start).",
            "The host runs in-process (ASP.NET Core TestServer: the whole middleware pipeline, authentication with a bearer token, no network socket); PostgreSQL is the local cluster on the same 2 cores.",
            "Machine CPU busy counts every process on the 2 cores during the round: this host, PostgreSQL, and whatever the other engineers were building meanwhile.",
            "Every submission goes to the same agency (Sở Tư pháp), so they all contend for the same daily counter row — the worst case for codes.",
        ]).ConfigureAwait(false);
        lines.Print();
        return 0;
    }

    private static async Task<(List<double> Latencies, int Errors)> RunLevelAsync(HttpClient client, int workers, TimeSpan duration, bool collect)
    {
        var latencies = new List<double>();
        var errors = 0;
        var until = DateTime.UtcNow + duration;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
        {
            while (DateTime.UtcNow < until)
            {
                var watch = Stopwatch.StartNew();
                var ok = await SubmitOnceAsync(client).ConfigureAwait(false);
                watch.Stop();
                lock (latencies)
                {
                    if (!collect)
                        continue;
                    if (ok)
                        latencies.Add(watch.Elapsed.TotalMilliseconds);
                    else
                        errors++;
                }
            }
        })).ConfigureAwait(false);
        return (latencies, errors);
    }

    /// <summary>One whole submission: the draft with its form, two 200 KB PDFs, submit (also hotpath's, over Kestrel).</summary>
    internal static async Task<bool> SubmitOnceAsync(HttpClient client)
    {
        var created = await client.PostAsJsonAsync("/api/v1/dossiers",
            new { procedureCode = "2.000488", formData = new { purpose = "Bổ sung hồ sơ xin việc", copies = 1 } }).ConfigureAwait(false);
        if (!created.IsSuccessStatusCode)
            return false;
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>().ConfigureAwait(false)).GetProperty("id").GetGuid();
        foreach (var document in new[] { "TOKHAI", "CCCD" })
        {
            using var form = new MultipartFormDataContent { { new StringContent(document), "documentCode" } };
            var file = new ByteArrayContent(Attachment());
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "file", document + ".pdf");
            if (!(await client.PostAsync($"/api/v1/dossiers/{id}/attachments", form).ConfigureAwait(false)).IsSuccessStatusCode)
                return false;
        }

        var submitted = await client.PostAsync($"/api/v1/dossiers/{id}/submit", null).ConfigureAwait(false);
        return submitted.IsSuccessStatusCode;
    }

    private static byte[] Attachment()
    {
        var content = new byte[AttachmentBytes];
        RandomNumberGenerator.Fill(content);
        Encoding.ASCII.GetBytes("%PDF-1.7\n").CopyTo(content, 0);
        Encoding.ASCII.GetBytes("\n%%EOF\n").CopyTo(content, content.Length - 7);
        return content;
    }

    internal static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}

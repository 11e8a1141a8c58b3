using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using OneStop.Benchmarks.Harness;
using OneStop.Testing;

namespace OneStop.Benchmarks.Hotpath;

/// <summary>The app on a real Kestrel socket (loopback), its background processing on, as a host of an installation runs.</summary>
internal sealed class KestrelApp : OneStopAppFactory
{
    public KestrelApp() => UseKestrel(0);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AllowedHosts"] = "*",
            ["Workflows:BackgroundProcessing"] = "true",
        }));
    }
}

/// <summary>
/// Whole online submissions over real HTTP: a citizen's app creates the draft with its form, uploads two 200 KB PDFs and submits. Open
/// loop: submissions start on a fixed schedule (rate per second) whether or not the earlier ones have answered, and each latency is
/// counted from its scheduled start, so a slow server shows as latency, not as a lower rate. Then the saturation: N clients in a closed
/// loop. The load generator runs in the same process as the host: its CPU is in the process figure.
/// </summary>
internal static class KestrelSubmissions
{
    private const int AttachmentBytes = 200 * 1024;

    public sealed record OpenLoop(double Rate, int Started, int Succeeded, int Errors, double P50, double P99, double ProcessCpuMsPerSubmission, double MachineBusy);

    public sealed record Saturation(int Clients, double PerSecond, int Succeeded, int Errors, double P99, double ProcessCpuMsPerSubmission, double MachineBusy);

    public static async Task<(OpenLoop Open, Saturation Saturated)> RunAsync(double rate, TimeSpan openFor, int clients, TimeSpan saturateFor)
    {
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_ONESTOP_WEB", Path.Combine(RepoPaths.Root, "src", "OneStop.Web"));
        var app = new KestrelApp();
        await app.InitializeAsync();
        try
        {
            app.StartServer();
            var client = await app.CreateBearerClientAsync(DemoAccounts.Citizen);
            Console.WriteLine($"  host on {client.BaseAddress} (Kestrel, loopback)");
            await ClosedLoopAsync(client, 2, TimeSpan.FromSeconds(5)); // warm-up: JIT, pools, the first codes of the day
            var open = await OpenLoopAsync(client, rate, openFor);
            var saturated = await SaturateAsync(client, clients, saturateFor);
            return (open, saturated);
        }
        finally
        {
            await ((Xunit.IAsyncLifetime)app).DisposeAsync();
        }
    }

    private static async Task<OpenLoop> OpenLoopAsync(HttpClient client, double rate, TimeSpan duration)
    {
        var total = (int)(rate * duration.TotalSeconds);
        var latencies = new List<double>(total);
        var errors = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var machine = MachineCpu.Busy();
        var clock = Stopwatch.StartNew();
        var running = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            running.Add(Task.Run(async () =>
            {
                var ok = await SubmitOnceAsync(client);
                var latency = (clock.Elapsed - due).TotalMilliseconds;
                lock (latencies)
                {
                    if (ok)
                    {
                        latencies.Add(latency);
                    }
                    else
                    {
                        errors++;
                    }
                }
            }));
        }

        await Task.WhenAll(running);
        clock.Stop();
        var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        var busy = (MachineCpu.Busy() - machine).TotalSeconds / clock.Elapsed.TotalSeconds / Environment.ProcessorCount;
        latencies.Sort();
        var result = new OpenLoop(rate, total, latencies.Count, errors, Percentile(latencies, 0.5), Percentile(latencies, 0.99),
            used / Math.Max(1, latencies.Count), busy);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  open loop {rate:0}/s for {duration.TotalSeconds:0} s: {result.Succeeded} ok, {errors} errors, p50 {result.P50:0} ms, p99 {result.P99:0} ms, process CPU {result.ProcessCpuMsPerSubmission:0.0} ms per submission, machine busy {busy * 100:0} %"));
        return result;
    }

    private static async Task<Saturation> SaturateAsync(HttpClient client, int clients, TimeSpan duration)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var machine = MachineCpu.Busy();
        var clock = Stopwatch.StartNew();
        var (latencies, errors) = await ClosedLoopAsync(client, clients, duration);
        clock.Stop();
        var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        var busy = (MachineCpu.Busy() - machine).TotalSeconds / clock.Elapsed.TotalSeconds / Environment.ProcessorCount;
        latencies.Sort();
        var result = new Saturation(clients, latencies.Count / clock.Elapsed.TotalSeconds, latencies.Count, errors, Percentile(latencies, 0.99),
            used / Math.Max(1, latencies.Count), busy);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  saturation, {clients} clients for {duration.TotalSeconds:0} s: {result.PerSecond:0.0}/s, {errors} errors, p99 {result.P99:0} ms, process CPU {result.ProcessCpuMsPerSubmission:0.0} ms per submission, machine busy {busy * 100:0} %"));
        return result;
    }

    private static async Task<(List<double> Latencies, int Errors)> ClosedLoopAsync(HttpClient client, int clients, TimeSpan duration)
    {
        var latencies = new List<double>();
        var errors = 0;
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < until)
            {
                var start = Stopwatch.GetTimestamp();
                var ok = await SubmitOnceAsync(client);
                var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                lock (latencies)
                {
                    if (ok)
                    {
                        latencies.Add(ms);
                    }
                    else
                    {
                        errors++;
                    }
                }
            }
        })));
        return (latencies, errors);
    }

    private static async Task<bool> SubmitOnceAsync(HttpClient client)
    {
        try
        {
            using var created = await client.PostAsJsonAsync("/api/v1/dossiers",
                new { procedureCode = "2.000488", formData = new { purpose = "Bổ sung hồ sơ xin việc", copies = 1 } });
            if (!created.IsSuccessStatusCode)
            {
                return false;
            }

            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            foreach (var document in new[] { "TOKHAI", "CCCD" })
            {
                using var form = new MultipartFormDataContent { { new StringContent(document), "documentCode" } };
                var file = new ByteArrayContent(Attachment());
                file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
                form.Add(file, "file", document + ".pdf");
                using var attached = await client.PostAsync($"/api/v1/dossiers/{id}/attachments", form);
                if (!attached.IsSuccessStatusCode)
                {
                    return false;
                }
            }

            using var submitted = await client.PostAsync($"/api/v1/dossiers/{id}/submit", null);
            return submitted.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static byte[] Attachment()
    {
        var content = new byte[AttachmentBytes];
        RandomNumberGenerator.Fill(content);
        Encoding.ASCII.GetBytes("%PDF-1.7\n").CopyTo(content, 0);
        Encoding.ASCII.GetBytes("\n%%EOF\n").CopyTo(content, content.Length - 7);
        return content;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}

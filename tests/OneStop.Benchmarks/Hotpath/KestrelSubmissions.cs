using System.Diagnostics;
using System.Globalization;
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
    public sealed record OpenLoopFigures(double Rate, int Started, int Succeeded, int Errors, double P50, double P99, double ProcessCpuMsPerSubmission, double MachineBusy);

    public sealed record Saturation(int Clients, double PerSecond, int Succeeded, int Errors, double P99, double ProcessCpuMsPerSubmission, double MachineBusy);

    public static async Task<(OpenLoopFigures Open, Saturation Saturated)> RunAsync(double rate, TimeSpan openFor, int clients, TimeSpan saturateFor)
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

    private static async Task<OpenLoopFigures> OpenLoopAsync(HttpClient client, double rate, TimeSpan duration)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var machine = MachineCpu.Busy();
        var clock = Stopwatch.StartNew();
        var run = await OpenLoop.RunAsync("submissions, open loop", rate, duration, () => SubmitOnceAsync(client));
        var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        var busy = (MachineCpu.Busy() - machine).TotalSeconds / clock.Elapsed.TotalSeconds / Environment.ProcessorCount;
        return new OpenLoopFigures(rate, run.Succeeded + run.Errors, run.Succeeded, run.Errors, run.P50, run.P99, used / Math.Max(1, run.Succeeded), busy);
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
            return await Submissions.SubmissionBenchmark.SubmitOnceAsync(client);
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static double Percentile(List<double> sorted, double p) => Submissions.SubmissionBenchmark.Percentile(sorted, p);
}

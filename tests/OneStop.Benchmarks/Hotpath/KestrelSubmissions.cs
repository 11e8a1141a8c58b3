using System.Diagnostics;
using System.Globalization;
using System.Runtime;
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
/// loop. The load generator is a process of its own (<see cref="SubmitLoad"/>): the host's CPU per submission is the host's alone, and
/// the generator's share of the machine is reported beside it (it shares the two cores).
/// </summary>
internal static class KestrelSubmissions
{
    /// <summary>One phase: what the generator saw, the host's CPU per completed submission, and the generator's share of the machine.</summary>
    public sealed record Phase(int Succeeded, int Errors, double P50, double P99, double PerSecond, double HostCpuMsPerSubmission,
        double GeneratorCpuMsPerSubmission, double GeneratorShare, double MachineBusy);

    public static async Task<(Phase Open, Phase Saturated)> RunAsync(double rate, TimeSpan openFor, int clients, TimeSpan saturateFor, TimeSpan warmUp)
    {
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_ONESTOP_WEB", Path.Combine(RepoPaths.Root, "src", "OneStop.Web"));
        var app = new KestrelApp();
        await app.InitializeAsync();
        try
        {
            app.StartServer();
            var client = await app.CreateBearerClientAsync(DemoAccounts.Citizen);
            var server = client.BaseAddress!;
            var token = client.DefaultRequestHeaders.Authorization!.Parameter!;
            Console.WriteLine($"  host on {server} (Kestrel, loopback); the load generator is a separate process");
            await WarmUpAsync(server, token, warmUp);
            var open = await MeasureAsync(string.Create(CultureInfo.InvariantCulture, $"open loop at {rate:0}/s for {openFor.TotalSeconds:0} s"),
                server, token, "open", rate, 0, openFor);
            var saturated = await MeasureAsync($"saturation, {clients} clients for {saturateFor.TotalSeconds:0} s", server, token, "closed", 0, clients,
                saturateFor);
            return (open, saturated);
        }
        finally
        {
            await ((Xunit.IAsyncLifetime)app).DisposeAsync();
        }
    }

    /// <summary>Slices of the warm-up after the first: 5 s each.</summary>
    private static readonly TimeSpan Slice = TimeSpan.FromSeconds(5);

    /// <summary>A slice in which the JIT compiled fewer methods than this is quiet (it keeps compiling a few a second for good).</summary>
    private const int QuietMethods = 100;

    /// <summary>A slice whose throughput rose by less than this over the one before is steady.</summary>
    private const double SteadyGain = 0.05;

    /// <summary>The longest warm-up, whatever the host does.</summary>
    private static readonly TimeSpan MaxWarmUp = TimeSpan.FromSeconds(90);

    /// <summary>
    /// 2 clients for <paramref name="minimum"/>, then 5 s slices until the JIT is quiet and the throughput steady: tiered
    /// compilation recompiles the request path's methods with their profiles for tens of seconds after the start, and each pooled
    /// connection prepares its statements as it meets them (DatabaseOptions.Effective); a host measured in that time measures its
    /// start, not the steady server the figures are about. Each slice's methods compiled and throughput are printed.
    /// </summary>
    private static async Task WarmUpAsync(Uri server, string token, TimeSpan minimum)
    {
        var started = Stopwatch.StartNew();
        var duration = minimum;
        var previous = 0.0;
        while (true)
        {
            var before = JitInfo.GetCompiledMethodCount();
            var phase = await MeasureAsync(string.Create(CultureInfo.InvariantCulture, $"warm-up (JIT, pools, the first codes of the day), 2 clients for {duration.TotalSeconds:0} s"),
                server, token, "closed", 0, 2, duration);
            var compiled = JitInfo.GetCompiledMethodCount() - before;
            var steady = compiled < QuietMethods * Math.Max(1, duration / Slice) && previous > 0 && phase.PerSecond < previous * (1 + SteadyGain);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    the JIT compiled {compiled} methods in it ({JitInfo.GetCompiledMethodCount()} since the start){(steady ? "; quiet and steady: measuring" : string.Empty)}"));
            if (steady || started.Elapsed + Slice > MaxWarmUp)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  warm-up took {started.Elapsed.TotalSeconds:0} s"));
                return;
            }

            previous = phase.PerSecond;
            duration = Slice;
        }
    }

    private static async Task<Phase> MeasureAsync(string name, Uri server, string token, string mode, double rate, int clients, TimeSpan duration)
    {
        var host = Process.GetCurrentProcess().TotalProcessorTime;
        var jitted = JitInfo.GetCompiledMethodCount();
        var jitTime = JitInfo.GetCompilationTime();
        var machine = MachineCpu.Busy();
        var clock = Stopwatch.StartNew();
        var load = await SubmitLoad.RunAsync(server, token, mode, rate, clients, duration);
        clock.Stop();
        var hostMs = (Process.GetCurrentProcess().TotalProcessorTime - host).TotalMilliseconds;
        var busy = (MachineCpu.Busy() - machine).TotalSeconds / clock.Elapsed.TotalSeconds / Environment.ProcessorCount;
        var done = Math.Max(1, load.Succeeded);
        var phase = new Phase(load.Succeeded, load.Errors, load.P50, load.P99, load.Succeeded / load.Seconds, hostMs / done,
            load.CpuSeconds * 1000 / done, load.CpuSeconds / load.Seconds / Environment.ProcessorCount, busy);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {name}: {phase.Succeeded} ok, {phase.Errors} errors, {phase.PerSecond:0.0}/s, p50 {phase.P50:0} ms, p99 {phase.P99:0} ms; host CPU {phase.HostCpuMsPerSubmission:0.0} ms per submission, generator {phase.GeneratorCpuMsPerSubmission:0.0} ms ({phase.GeneratorShare * 100:0} % of the machine); machine busy {busy * 100:0} %, load {MachineInfo.LoadAverage()}; the JIT compiled {JitInfo.GetCompiledMethodCount() - jitted} methods in {(JitInfo.GetCompilationTime() - jitTime).TotalMilliseconds:0} ms"));
        return phase;
    }
}

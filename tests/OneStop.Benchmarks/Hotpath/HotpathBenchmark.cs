using System.Globalization;
using OneStop.Benchmarks.Harness;
using OneStop.Benchmarks.Workflow;
using OneStop.Testing;

namespace OneStop.Benchmarks.Hotpath;

/// <summary>
/// The hot path in one run, each figure beside its reference (issue #15): workflow transitions persisted in PostgreSQL against pgbench
/// on the same server, whole submissions over real HTTP (open loop at a fixed rate, then saturation), and the time from an official's
/// action to its document. Ends with one RESULT line per figure.
/// </summary>
internal static class HotpathBenchmark
{
    /// <summary>Only the first row (transitions beside pgbench), about a minute: `./onestop bench transitions`.</summary>
    public static async Task<int> RunTransitionsAsync(RunnerOptions options)
    {
        var server = Environment.GetEnvironmentVariable("ConnectionStrings__OneStop");
        if (string.IsNullOrWhiteSpace(server))
        {
            Console.Error.WriteLine("Set ConnectionStrings__OneStop (./onestop bench does).");
            return 2;
        }

        Console.WriteLine("== transitions ==");
        Console.Write(MachineInfo.Describe());
        var results = new List<(string Name, double Value, string Unit, int Decimals)>();
        await MeasureTransitionsAsync(server, options, results);
        PrintResults(results);
        return 0;
    }

    public static async Task<int> RunAsync(RunnerOptions options)
    {
        var server = Environment.GetEnvironmentVariable("ConnectionStrings__OneStop");
        if (string.IsNullOrWhiteSpace(server))
        {
            Console.Error.WriteLine("Set ConnectionStrings__OneStop (./onestop bench does).");
            return 2;
        }

        Console.WriteLine("== hotpath ==");
        Console.Write(MachineInfo.Describe());
        var results = new List<(string Name, double Value, string Unit, int Decimals)>();
        await MeasureTransitionsAsync(server, options, results);

        await MeasureSubmissionsAsync(options, results);

        Console.WriteLine("-- an official's action to its document, for the applicant (wake-up at commit)");
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_ONESTOP_WEB", Path.Combine(RepoPaths.Root, "src", "OneStop.Web"));
        var app = new OneStopAppFactory();
        await app.InitializeAsync();
        List<double> latency;
        try
        {
            latency = await DocumentLatencyBenchmark.MeasureAsync(app, wake: true, dossiers: 30);
        }
        finally
        {
            await ((Xunit.IAsyncLifetime)app).DisposeAsync();
        }

        latency.Sort();
        results.Add(("document_after_action_ms_p50", latency[(latency.Count - 1) / 2], "ms", 0));
        results.Add(("document_after_action_ms_max", latency[^1], "ms", 0));

        PrintResults(results);
        return 0;
    }

    /// <summary>Only the submissions row (about a minute): `./onestop bench submissions-http`.</summary>
    public static async Task<int> RunSubmissionsAsync(RunnerOptions options)
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("ConnectionStrings__OneStop")))
        {
            Console.Error.WriteLine("Set ConnectionStrings__OneStop (./onestop bench does).");
            return 2;
        }

        Console.WriteLine("== submissions over real HTTP ==");
        Console.Write(MachineInfo.Describe());
        var results = new List<(string Name, double Value, string Unit, int Decimals)>();
        await MeasureSubmissionsAsync(options, results);
        PrintResults(results);
        return 0;
    }

    private static async Task MeasureSubmissionsAsync(RunnerOptions options, List<(string Name, double Value, string Unit, int Decimals)> results)
    {
        Console.WriteLine("-- whole submissions over real HTTP (Kestrel, loopback)");
        var (open, saturated) = await KestrelSubmissions.RunAsync(options.Rate, options.Measure * 4, 32, options.Measure * 3, options.Warmup);
        var rate = options.Rate.ToString("0", CultureInfo.InvariantCulture);
        results.Add(($"submit_p50_ms_{rate}rps", open.P50, "ms", 0));
        results.Add(($"submit_p99_ms_{rate}rps", open.P99, "ms", 0));
        results.Add(($"submit_errors_{rate}rps", open.Errors, "count", 0));
        // CPU per submission from the saturation phase: every submission there completes, while an overloaded open loop also spends
        // CPU on submissions that end in errors and so are not counted. The host's process only; the generator's beside it.
        results.Add(("submit_cpu_ms", saturated.HostCpuMsPerSubmission, "ms", 1));
        results.Add(("submit_cpu_ms_open_loop", open.HostCpuMsPerSubmission, "ms", 1));
        results.Add(("submit_generator_cpu_ms", saturated.GeneratorCpuMsPerSubmission, "ms", 1));
        results.Add(("submit_generator_share_saturated", saturated.GeneratorShare, "ratio", 2));
        results.Add(("submit_generator_share_open_loop", open.GeneratorShare, "ratio", 2));
        results.Add(("submit_max_per_s", saturated.PerSecond, "/s", 0));
        results.Add(("submit_errors_saturated", saturated.Errors, "count", 0));
    }

    private static void PrintResults(List<(string Name, double Value, string Unit, int Decimals)> results)
    {
        Console.WriteLine($"load average at the end: {MachineInfo.LoadAverage()}");
        foreach (var (name, value, unit, decimals) in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT {name} {value.ToString("F" + decimals, CultureInfo.InvariantCulture)} {unit}"));
        }
    }

    private static async Task MeasureTransitionsAsync(string server, RunnerOptions options, List<(string Name, double Value, string Unit, int Decimals)> results)
    {
        int[] workers = [1, options.Workers];
        Console.WriteLine("-- workflow transitions persisted in PostgreSQL, and pgbench on the same server");
        var pgbench = await Pgbench.RunAsync(server, workers.Distinct(), options.Measure * 2);
        var transitions = new Dictionary<int, Measurement>();
        var provider = new PostgresStoreProvider();
        await using (provider)
        {
            var registry = OneStopDriver.LoadDefinitions();
            foreach (var count in workers.Distinct())
            {
                var driver = await OneStopDriver.CreateAsync(registry, await provider.CreateStoreAsync(), options.Definition);
                transitions[count] = await Throughput.RunAsync($"OneStop engine, {provider.Description}, {count} worker(s)", count,
                    _ => driver.RunDossierAsync, options);
            }
        }

        foreach (var (count, name) in new[] { (1, "1"), (options.Workers, options.Workers.ToString(CultureInfo.InvariantCulture)) }.Distinct())
        {
            var m = transitions[count];
            results.Add(($"transitions_per_s_{name}w", m.UnitsPerSecond, "/s", 0));
            results.Add(($"transition_cpu_ms_{name}w", m.CpuMsPerUnit, "ms", 2));
            results.Add(($"pgbench_tps_{name}c", pgbench[count], "/s", 0));
            results.Add(($"transitions_vs_pgbench_{name}w", m.UnitsPerSecond / pgbench[count], "ratio", 2));
        }
    }
}

using OneStop.Benchmarks.Harness;

namespace OneStop.Benchmarks.Workflow;

/// <summary>Transitions per second: the OneStop engine on a store (in memory by default) and WorkflowCore 3.22 in memory.</summary>
internal static class WorkflowBenchmark
{
    public static async Task<int> RunAsync(RunnerOptions options)
    {
        Console.WriteLine($"== workflow: {options.Definition}, start → end ==");
        IWorkflowStoreProvider provider;
        try
        {
            provider = WorkflowStoreProviders.Create(options);
        }
        catch (Exception e) when (e is NotSupportedException or ArgumentException)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        await using var _ = provider.ConfigureAwait(false);
        var machine = MachineInfo.Describe();
        Console.Write(machine);
        var registry = OneStopDriver.LoadDefinitions();
        var results = new List<(string Engine, string Store, string Concurrency, Measurement M)>();
        IReadOnlyList<(string Step, string Action)> path = [];
        foreach (var workers in new[] { 1, options.Workers }.Distinct())
        {
            var driver = await OneStopDriver.CreateAsync(registry, await provider.CreateStoreAsync().ConfigureAwait(false), options.Definition)
                .ConfigureAwait(false);
            path = driver.Path;
            var m = await Throughput.RunAsync($"OneStop engine, {provider.Description}, {workers} worker(s)", workers,
                _ => driver.RunDossierAsync, options).ConfigureAwait(false);
            results.Add(("OneStop WorkflowEngine", provider.Description, $"{workers} worker(s)", m));
        }

        double? idleCpu = null;
        var inFlight = new[] { 1, options.Workers, 64 }.Distinct().ToArray();
        if (!options.SkipWorkflowCore)
        {
            var events = path.Select((p, i) => $"{i + 1}-{p.Action}").ToList();
            foreach (var dossiers in inFlight)
            {
                var driver = await WorkflowCoreDriver.StartAsync(events).ConfigureAwait(false);
                await using (driver.ConfigureAwait(false))
                {
                    if (idleCpu is null)
                    {
                        // How busy the started host is with no work at all, so its CPU per transition can be read fairly.
                        var before = ProcessTreeCpu.Sample();
                        await Task.Delay(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
                        idleCpu = (ProcessTreeCpu.Sample() - before).TotalMilliseconds / 2000 * 100;
                        Console.WriteLine($"  WorkflowCore host idle CPU: {idleCpu:F0}% of one core");
                    }

                    var m = await Throughput.RunAsync($"WorkflowCore 3.22.0, in memory, {dossiers} dossier(s) in flight", dossiers,
                        _ => driver.RunDossierAsync, options).ConfigureAwait(false);
                    results.Add(("WorkflowCore 3.22.0", "in memory (default providers)", $"{dossiers} dossier(s) in flight", m));
                }
            }
        }

        var table = new ResultTable("Engine", "Store", "Concurrency", "Dossiers", "Transitions", "Transitions/s", "Transitions/s range", "Dossiers/s",
            "ms/dossier (mean)", "ms/dossier p95", "CPU µs/transition", "KB allocated/dossier", "Others' CPU (cores)");
        foreach (var (engine, store, concurrency, m) in results)
        {
            table.Add(engine, store, concurrency, Fmt.I(m.Operations), Fmt.I(m.Units), Fmt.N(m.UnitsPerSecond, 0), m.UnitsRange, Fmt.N(m.OpsPerSecond, 0),
                Fmt.N(m.MeanMs, 3), Fmt.N(m.Percentile(95), 3), Fmt.N(m.CpuMsPerUnit * 1000, 1), Fmt.N(m.AllocatedKbPerOp, 1), Fmt.N(m.OthersCores, 2));
        }

        if (options.Store == "memory")
            table.Add("OneStop WorkflowEngine", "PostgreSQL store: see below", "–", "–", "–", "–", "–", "–", "–", "–", "–", "–", "–");

        Console.WriteLine();
        Console.WriteLine(table.ToConsole());
        var pathText = string.Join(" → ", path.Select(p => $"{p.Step}:{p.Action}"));
        var notes = new List<string>
        {
            $"Flow: `{options.Definition}`, start then {path.Count} human actions ({pathText}); the automatic step and the end run " +
            $"inside the last action. A transition is one state change: the start or one action, so {1 + path.Count} per dossier on both engines.",
            "OneStop: `WorkflowEngine.StartAsync` then `PerformAsync` per action (each loads, checks, applies and saves the " +
            "instance with its journal, timers and outbox effects through the store); each worker drives its own dossiers one after another. " +
            "InMemoryWorkflowStore (de)serialises every instance as JSON under one lock, so a second worker adds little.",
            $"WorkflowCore: `services.AddWorkflow()` defaults; per action a step that opens the task and a `WaitFor` its event; " +
            "a pump publishes each event as soon as the workflow has saved its subscription (seen through a pass-through proxy on its " +
            "persistence provider), as an official acting on an open task would; N dossiers in flight = N concurrent drivers. It keeps no journal, " +
            "SLA clock or due dates, so it does less per transition than OneStop.",
            $"Stopwatch harness: {options.Warmup.TotalSeconds:0} s warm-up, then {options.Rounds} rounds of {options.Measure.TotalSeconds:0} s; " +
            "the median round is shown with the slowest–fastest transitions/s; a fresh store (and a fresh WorkflowCore host) per row. " +
            "CPU µs/transition is process CPU time (all threads) ÷ transitions. Others' CPU = busy CPU of the whole machine (/proc/stat) " +
            "minus ours during the round, in cores: what other builds took.",
        };
        if (idleCpu is { } idle)
            notes.Add($"The started WorkflowCore host with no work used {idle:F0}% of one core (measured over 2 s before its first row).");
        await Report.WriteAsync(options, "workflow", $"Workflow transitions ({options.Definition})", machine, [("", table)], notes)
            .ConfigureAwait(false);

        var lines = new ResultLines();
        foreach (var (engine, _, _, m) in results)
        {
            var name = engine.StartsWith("OneStop", StringComparison.Ordinal) ? $"onestop_transitions_per_s_{m.Workers}w" : $"workflowcore_transitions_per_s_{m.Workers}f";
            lines.Add(name, m.UnitsPerSecond, "/s", 0);
            lines.Add(name.Replace("_per_s_", "_cpu_us_", StringComparison.Ordinal), m.CpuMsPerUnit * 1000, "us", 1);
        }

        lines.Print();
        return 0;
    }
}

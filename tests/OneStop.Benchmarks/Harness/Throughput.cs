using System.Diagnostics;

namespace OneStop.Benchmarks.Harness;

/// <summary>
/// A Stopwatch harness: each worker runs its operation in a loop for the warm-up, then for several measured rounds;
/// an operation returns how many units (pages, transitions) it produced. The median round (by units/s) is reported,
/// with the slowest and fastest rounds, because the machine is shared and single rounds are noisy.
/// </summary>
internal static class Throughput
{
    public static async Task<Measurement> RunAsync(string name, int workers, Func<int, Func<Task<int>>> operationFor, RunnerOptions options)
    {
        var operations = Enumerable.Range(0, workers).Select(operationFor).ToArray();
        await RunPhaseAsync(operations, options.Warmup).ConfigureAwait(false);

        var rounds = new List<Measurement>();
        for (var round = 0; round < options.Rounds; round++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var cpu = ProcessTreeCpu.Sample();
            var machine = MachineCpu.Busy();
            var clock = Stopwatch.StartNew();
            var results = await RunPhaseAsync(operations, options.Measure).ConfigureAwait(false);
            clock.Stop();
            var cpuUsed = ProcessTreeCpu.Sample() - cpu;
            var machineBusy = MachineCpu.Busy() - machine;
            allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            var m = new Measurement(name, workers, results.Sum(r => r.Latencies.Count), results.Sum(r => r.Units), clock.Elapsed,
                cpuUsed, allocated, results.SelectMany(r => r.Latencies).ToList())
            {
                OthersCores = Math.Max(0, (machineBusy - cpuUsed).TotalSeconds / clock.Elapsed.TotalSeconds),
            };
            Console.WriteLine($"  {name,-62} round {round + 1}: {m.Operations,7} ops {m.OpsPerSecond,9:F1} ops/s {m.UnitsPerSecond,9:F1} units/s " +
                $"mean {m.MeanMs,8:F3} ms  cpu {m.Cpu.TotalSeconds:F1}s/{m.Elapsed.TotalSeconds:F1}s  others {m.OthersCores:F2} cores  load {MachineInfo.LoadAverage()}");
            rounds.Add(m);
        }

        var ordered = rounds.OrderBy(r => r.UnitsPerSecond).ToList();
        return ordered[(ordered.Count - 1) / 2] with { Rounds = rounds.Count, SlowestUnitsPerSecond = ordered[0].UnitsPerSecond, FastestUnitsPerSecond = ordered[^1].UnitsPerSecond };
    }

    private static async Task<(long Units, List<double> Latencies)[]> RunPhaseAsync(Func<Task<int>>[] operations, TimeSpan duration)
    {
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var tasks = operations.Select(op => Task.Run(async () =>
        {
            long units = 0;
            var latencies = new List<double>(4096);
            do
            {
                var start = Stopwatch.GetTimestamp();
                units += await op().ConfigureAwait(false);
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
            while (Stopwatch.GetTimestamp() < end);
            return (units, latencies);
        })).ToArray();
        return await Task.WhenAll(tasks).ConfigureAwait(false);
    }
}

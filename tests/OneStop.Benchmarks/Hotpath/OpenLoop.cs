using System.Diagnostics;
using System.Globalization;
using OneStop.Benchmarks.Harness;

namespace OneStop.Benchmarks.Hotpath;

/// <summary>An open loop: requests start on a fixed schedule whether or not the earlier ones answered; latency counts from the scheduled start.</summary>
internal static class OpenLoop
{
    public sealed record Result(int Succeeded, int Errors, double P50, double P99);

    public static async Task<Result> RunAsync(string name, double rate, TimeSpan duration, Func<Task<bool>> request)
    {
        var total = (int)(rate * duration.TotalSeconds);
        var latencies = new List<double>(total);
        var errors = 0;
        var machine = MachineCpu.Busy();
        var clock = Stopwatch.StartNew();
        var running = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate);
            if (due - clock.Elapsed > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(due - clock.Elapsed);
            }

            running.Add(Task.Run(async () =>
            {
                bool ok;
                try
                {
                    ok = await request();
                }
                catch (HttpRequestException)
                {
                    ok = false;
                }

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
        var busy = (MachineCpu.Busy() - machine).TotalSeconds / clock.Elapsed.TotalSeconds / Environment.ProcessorCount;
        latencies.Sort();
        var result = new Result(latencies.Count, errors, Percentile(latencies, 0.5), Percentile(latencies, 0.99));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {name}: {rate:0}/s for {duration.TotalSeconds:0} s: {result.Succeeded} ok, {errors} errors, p50 {result.P50:0.0} ms, p99 {result.P99:0.0} ms, machine busy {busy * 100:0} %, load {MachineInfo.LoadAverage()}"));
        return result;
    }

    private static double Percentile(List<double> sorted, double p) => Submissions.SubmissionBenchmark.Percentile(sorted, p);
}

using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using OneStop.Benchmarks.Harness;

namespace OneStop.Benchmarks.Hotpath;

/// <summary>
/// The load generator of the real-HTTP submissions, in a process of its own (this assembly started again with `submit-load`), so the
/// host's CPU per submission is the host's alone and the generator's share of the two cores is reported beside it. Open mode: whole
/// submissions start on a fixed schedule (<see cref="OpenLoop"/>); closed mode: N clients, each starting its next submission when
/// the last one answered.
/// </summary>
internal static class SubmitLoad
{
    public const string TokenVariable = "ONESTOP_BENCH_TOKEN";

    /// <summary>What one run of the generator saw, and the CPU it used.</summary>
    public sealed record Figures(int Succeeded, int Errors, double P50, double P99, double Seconds, double CpuSeconds);

    /// <summary>Runs the generator as a child process against <paramref name="server"/> and waits for its figures.</summary>
    public static async Task<Figures> RunAsync(Uri server, string token, string mode, double rate, int clients, TimeSpan duration)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(SubmitLoad).Assembly.Location);
        foreach (var argument in new[]
                 {
                     "submit-load", "--url", server.ToString(), "--mode", mode, "--rate", rate.ToString(CultureInfo.InvariantCulture),
                     "--clients", clients.ToString(CultureInfo.InvariantCulture), "--seconds", duration.TotalSeconds.ToString(CultureInfo.InvariantCulture),
                 })
        {
            start.ArgumentList.Add(argument);
        }

        // The bearer token goes by the environment, not the command line other users can read.
        start.Environment[TokenVariable] = token;
        using var child = Process.Start(start) ?? throw new InvalidOperationException("could not start the load generator");
        Figures? figures = null;
        while (await child.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("LOAD ", StringComparison.Ordinal))
            {
                figures = JsonSerializer.Deserialize<Figures>(line[5..]);
            }
            else
            {
                Console.WriteLine(line);
            }
        }

        await child.WaitForExitAsync();
        return child.ExitCode == 0 && figures is not null
            ? figures
            : throw new InvalidOperationException($"the load generator ended with exit code {child.ExitCode} and no figures");
    }

    /// <summary>The child's entry point: `submit-load --url U --mode open|closed --rate R --clients N --seconds S`.</summary>
    public static async Task<int> MainAsync(string[] args)
    {
        string Arg(string name) =>
            args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? throw new ArgumentException($"{name} is required");
        var token = Environment.GetEnvironmentVariable(TokenVariable);
        if (string.IsNullOrEmpty(token))
        {
            Console.Error.WriteLine($"{TokenVariable} is not set");
            return 2;
        }

        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = new Uri(Arg("--url")),
            Timeout = TimeSpan.FromSeconds(100),
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var duration = TimeSpan.FromSeconds(double.Parse(Arg("--seconds"), CultureInfo.InvariantCulture));
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var result = Arg("--mode") == "open"
            ? await OpenLoop.RunAsync("submissions, open loop", double.Parse(Arg("--rate"), CultureInfo.InvariantCulture), duration,
                () => SubmitOnceAsync(client))
            : await ClosedAsync(client, int.Parse(Arg("--clients"), CultureInfo.InvariantCulture), duration);
        clock.Stop();
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var figures = new Figures(result.Succeeded, result.Errors, result.P50, result.P99, clock.Elapsed.TotalSeconds, used.TotalSeconds);
        Console.WriteLine("LOAD " + JsonSerializer.Serialize(figures));
        return 0;
    }

    private static async Task<OpenLoop.Result> ClosedAsync(HttpClient client, int clients, TimeSpan duration)
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
        latencies.Sort();
        return new OpenLoop.Result(latencies.Count, errors, Submissions.SubmissionBenchmark.Percentile(latencies, 0.5),
            Submissions.SubmissionBenchmark.Percentile(latencies, 0.99));
    }

    private static async Task<bool> SubmitOnceAsync(HttpClient client)
    {
        try
        {
            return await Submissions.SubmissionBenchmark.SubmitOnceAsync(client);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }
}

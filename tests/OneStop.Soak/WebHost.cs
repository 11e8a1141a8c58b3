using System.Diagnostics;

namespace OneStop.Soak;

/// <summary>One Kestrel host of the app as its own OS process: started, killed with SIGKILL, started again on the same port.</summary>
internal sealed class WebHost(int number, int port, SoakOptions options, IReadOnlyDictionary<string, string> environment)
{
    private static readonly HttpClient Probe = new() { Timeout = TimeSpan.FromSeconds(5) };
    private Process? _process;
    private int _starts;

    public int Number => number;
    public Uri BaseAddress { get; } = new($"http://127.0.0.1:{port}");

    /// <summary>False from a kill until the restarted host answers /health/ready.</summary>
    public bool Up { get; private set; }

    public async Task StartAsync(string logDir)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            // The content root, as './onestop run' starts it (workflows and web assets are found from there).
            WorkingDirectory = Path.Combine(options.Root, "src", "OneStop.Web"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(options.WebDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseAddress.ToString().TrimEnd('/'));
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        // The national portal's simulator answers on each host; without an address the host would post to the public URL (port 5000).
        start.Environment["NationalPortal__BaseUrl"] = new Uri(BaseAddress, "/api/v1/national-portal/simulator").ToString();

        var log = new StreamWriter(Path.Combine(logDir, $"host-{number}.{++_starts}.log")) { AutoFlush = true };
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await WaitReadyAsync(process);
        Up = true;
    }

    public void Kill()
    {
        Up = false;
        try
        {
            _process?.Kill(entireProcessTree: true); // SIGKILL on Linux: no shutdown, no flush
            _process?.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
    }

    public async Task StopAsync()
    {
        if (_process is not { HasExited: false } process)
        {
            return;
        }

        Up = false;
        using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }
    }

    private async Task WaitReadyAsync(Process process)
    {
        var until = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < until)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"host {number} exited with {process.ExitCode} while starting (see its log).");
            }

            try
            {
                using var ready = await Probe.GetAsync(new Uri(BaseAddress, "/health/ready"));
                if (ready.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"host {number} was not ready in 120 s.");
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }
    }
}

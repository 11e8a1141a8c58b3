using System.Diagnostics;
using System.Text.Json;

namespace OneStop.IntegrationTests.Legacy;

/// <summary>Runs `onestop legacy import` as a child process against a test database (and can kill it with SIGKILL).</summary>
internal static class LegacyCli
{
    public static ProcessStartInfo Start(string? connectionString, string fileRoot, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "onestop-cli.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["COLUMNS"] = "200";
        start.Environment["FileStore__Root"] = fileRoot;
        if (connectionString is not null)
        {
            start.Environment["ConnectionStrings__OneStop"] = connectionString;
        }

        return start;
    }

    public static async Task<(int Exit, string Output)> RunAsync(ProcessStartInfo start)
    {
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    /// <summary>Starts the import and kills it (kill -9) after the delay, or lets it finish if it is quicker.</summary>
    public static async Task<bool> RunAndKillAsync(ProcessStartInfo start, TimeSpan after)
    {
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var exited = await Task.WhenAny(process.WaitForExitAsync(), Task.Delay(after)) is var done && process.HasExited;
        if (!exited)
        {
            process.Kill(entireProcessTree: true); // SIGKILL on Linux
        }

        await process.WaitForExitAsync();
        await output;
        await error;
        _ = done;
        return !exited;
    }

    /// <summary>The per-table counters of a report.json, as "table: read/imported/unchanged/…" lines.</summary>
    public static async Task<Dictionary<string, long[]>> CountsAsync(string reportDirectory) =>
        Counts(await File.ReadAllTextAsync(Path.Combine(reportDirectory, "report.json")));

    /// <summary>The per-table counters of a report's JSON text (a report.json, or the one a run stored in legacy.import_runs).</summary>
    public static Dictionary<string, long[]> Counts(string json)
    {
        using var report = JsonDocument.Parse(json);
        string[] names = ["read", "imported", "unchanged", "superseded", "orphaned", "parentRejected", "rejected", "warnings"];
        return report.RootElement.GetProperty("tables").EnumerateObject()
            .ToDictionary(t => t.Name, t => names.Select(n => t.Value.GetProperty(n).GetInt64()).ToArray());
    }
}

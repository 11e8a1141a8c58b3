using System.Diagnostics;

namespace OneStop.IntegrationTests.Operations;

/// <summary>Runs the real onestop-cli (or the onestop script) as a child process and collects what it printed.</summary>
internal static class CliRun
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The CLI entry point with the given environment; COLUMNS is left alone, so output is what a CI log gets.</summary>
    public static Task<(int Exit, string Output)> CliAsync(IDictionary<string, string?> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = RepositoryRoot };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "onestop-cli.dll"));
        return RunAsync(start, environment, args);
    }

    /// <summary>The ./onestop script itself.</summary>
    public static Task<(int Exit, string Output)> ScriptAsync(IDictionary<string, string?> environment, params string[] args) =>
        RunAsync(new ProcessStartInfo(Path.Combine(RepositoryRoot, "onestop")) { WorkingDirectory = RepositoryRoot }, environment, args);

    private static async Task<(int Exit, string Output)> RunAsync(ProcessStartInfo start, IDictionary<string, string?> environment, string[] args)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Only what the test gives: a database the developer's shell names must not leak in.
        start.Environment.Remove("ConnectionStrings__OneStop");
        start.Environment.Remove("ONESTOP_DB");
        start.Environment.Remove("COLUMNS");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OneStop.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("OneStop.sln not found above the test output.");
    }
}

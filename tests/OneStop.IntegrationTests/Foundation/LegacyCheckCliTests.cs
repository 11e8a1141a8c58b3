using System.Diagnostics;
using System.Text.Json;
using OneStop.Legacy.Tests.Generator;

namespace OneStop.IntegrationTests.Foundation;

/// <summary>onestop legacy check, run as the real executable on generated bundles.</summary>
public sealed class LegacyCheckCliTests : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "onestop-legacy-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_work))
        {
            Directory.Delete(_work, recursive: true);
        }
    }

    [Fact]
    public async Task A_bundle_with_every_kind_of_defect_is_checked_and_reported_with_balanced_counts()
    {
        var bundle = BundleGenerator.Write(_work, new BundleSpec { Dossiers = 300, Defects = DefectCounts.OfEach(2), Encoding = BundleEncoding.Windows1258, Layout = BundleLayout.Zip });
        var reportDir = Path.Combine(_work, "report");

        var (exit, output) = await RunAsync("legacy", "check", bundle.Path, "--report", reportDir);

        Assert.True(exit == 0, output);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(reportDir, "report.json")));
        Assert.True(report.RootElement.GetProperty("dryRun").GetBoolean());
        foreach (var table in report.RootElement.GetProperty("tables").EnumerateObject())
        {
            var t = table.Value;
            long N(string name) => t.GetProperty(name).GetInt64();
            Assert.Equal(N("read"), N("imported") + N("unchanged") + N("superseded") + N("orphaned") + N("parentRejected") + N("rejected"));
            Assert.Equal(bundle.Tables[table.Name].Read, N("read"));
        }

        Assert.Equal(bundle.Issues.Count, report.RootElement.GetProperty("issues").GetArrayLength());
        Assert.True(File.Exists(Path.Combine(reportDir, "report.md")));
    }

    [Fact]
    public async Task An_unusable_bundle_exits_non_zero_with_a_clear_message()
    {
        var bundle = BundleGenerator.Write(_work, new BundleSpec { Dossiers = 5 });
        await File.WriteAllTextAsync(Path.Combine(bundle.Path, "manifest.json"), """{ "format": "khac", "formatVersion": 9 }""");

        var (exit, output) = await RunAsync("legacy", "check", bundle.Path);

        Assert.Equal(2, exit);
        Assert.Contains("Gói dữ liệu không dùng được", output, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "onestop-cli.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["COLUMNS"] = "200";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}

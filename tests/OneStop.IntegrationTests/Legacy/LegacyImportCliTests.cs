using System.Diagnostics;
using System.Text.Json;
using OneStop.Legacy.Tests.Generator;

namespace OneStop.IntegrationTests.Legacy;

/// <summary>onestop legacy import, run as the real executable: unusable bundles and dry runs write nothing.</summary>
public sealed class LegacyImportCliTests : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "onestop-legacy-import-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_work))
        {
            Directory.Delete(_work, recursive: true);
        }
    }

    [Fact]
    public async Task A_dry_run_validates_every_row_and_writes_a_balanced_report()
    {
        var bundle = BundleGenerator.Write(_work, new BundleSpec { Dossiers = 200, Defects = DefectCounts.OfEach(1), Encoding = BundleEncoding.Utf8WithBom, Layout = BundleLayout.Folder });
        var reportDir = Path.Combine(_work, "report");

        var (exit, output) = await RunAsync("legacy", "import", bundle.Path, "--dry-run", "--report", reportDir);

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
    public async Task A_bundle_with_an_unknown_format_exits_non_zero_and_writes_no_report()
    {
        var bundle = BundleGenerator.Write(_work, new BundleSpec { Dossiers = 5 });
        await File.WriteAllTextAsync(Path.Combine(bundle.Path, "manifest.json"), """{ "format": "khac", "formatVersion": 9 }""");
        var reportDir = Path.Combine(_work, "report");

        var (exit, output) = await RunAsync("legacy", "import", bundle.Path, "--report", reportDir);

        Assert.Equal(2, exit);
        Assert.Contains("Gói dữ liệu không dùng được", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(reportDir));
    }

    [Fact]
    public async Task A_bundle_with_a_missing_file_exits_non_zero()
    {
        var bundle = BundleGenerator.Write(_work, new BundleSpec { Dossiers = 5 });
        var csv = Directory.GetFiles(bundle.Path, "*.csv", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).First();
        File.Delete(csv);

        var (exit, output) = await RunAsync("legacy", "import", bundle.Path, "--dry-run");

        Assert.True(exit == 2, output);
    }

    [Fact]
    public async Task An_unreadable_mapping_file_exits_non_zero()
    {
        var bundle = BundleGenerator.Write(_work, new BundleSpec { Dossiers = 5 });
        var mapping = Path.Combine(_work, "mapping.json");
        await File.WriteAllTextAsync(mapping, "{ not json");

        var (exit, output) = await RunAsync("legacy", "import", bundle.Path, "--dry-run", "--mapping", mapping);

        Assert.Equal(2, exit);
        Assert.Contains("Tệp ánh xạ không dùng được", output, StringComparison.Ordinal);
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

using OneStop.Legacy.Analysis;
using OneStop.Legacy.Bundles;
using OneStop.Legacy.Tests.Generator;
using OneStop.Legacy.Tests.Support;
using Xunit.Abstractions;

namespace OneStop.Legacy.Tests.Generation;

/// <summary>A 20,000-dossier bundle is read while the retained heap stays far below the size of its CSV files.</summary>
/// <remarks>A folder bundle, so that what is measured is the reader's own state (the dossier index), not the zip's central directory.</remarks>
public sealed class BoundedMemoryTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task A_large_bundle_reads_in_bounded_memory()
    {
        var spec = new BundleSpec
        {
            Dossiers = 20_000, MaxHistoryPerDossier = 9, MaxAttachmentsPerDossier = 1, Seed = 3, Layout = BundleLayout.Folder,
            Encoding = BundleEncoding.Windows1258, Defects = DefectCounts.OfEach(10),
        };
        var bundle = BundleGenerator.Write(_temp.Path, spec);
        var csvBytes = CsvBytes(bundle.Path);
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var peak = 0L;
        long rows = 0;
        long afterIndex, afterDossiers;

        using (var analyzer = await LegacyBundleAnalyzer.OpenAsync(bundle.Path))
        {
            afterIndex = GC.GetTotalMemory(forceFullCollection: true);
            await foreach (var _ in analyzer.ReadDossiersAsync())
            {
                peak = Sample(++rows, peak);
            }

            afterDossiers = peak;
            await foreach (var _ in analyzer.ReadHistoryAsync())
            {
                peak = Sample(++rows, peak);
            }

            await analyzer.ReadAllAsync();
            var report = analyzer.Complete();
            Assert.True(report.IsBalanced);
            Assert.True(bundle.Tables[LegacyTables.History].Matches(report.Table(LegacyTables.History)));
        }

        var retained = peak - baseline;
        output.WriteLine($"CSV {csvBytes:N0} B; retained after index {afterIndex - baseline:N0} B, after dossiers {afterDossiers - baseline:N0} B, peak {retained:N0} B");
        Assert.True(csvBytes > 12_000_000, $"the bundle should be large enough to tell: {csvBytes} bytes");
        Assert.True(retained < csvBytes / 3, $"retained {retained:N0} bytes while reading {csvBytes:N0} bytes of CSV");

        // The history file is the largest; streaming it must not grow the heap beyond the dossier index already held.
        Assert.True(peak - afterDossiers < 2_000_000, $"history grew the heap by {peak - afterDossiers:N0} bytes (index {afterIndex - baseline:N0}, after dossiers {afterDossiers - baseline:N0})");
    }

    public void Dispose() => _temp.Dispose();

    private static long Sample(long rows, long peak) =>
        rows % 10_000 == 0 ? Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true)) : peak;

    private static long CsvBytes(string folder) => Directory.EnumerateFiles(folder, "*.csv").Sum(f => new FileInfo(f).Length);
}

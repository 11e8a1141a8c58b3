using System.Text.Json;
using OneStop.Legacy.Bundles;
using OneStop.Legacy.Reporting;
using OneStop.Legacy.Tests.Support;

namespace OneStop.Legacy.Tests.Reporting;

/// <summary>report.json has FORMAT.md's shape and report.md is readable; unchanged counts move out of imported.</summary>
public sealed class ReportTests
{
    [Fact]
    public async Task Report_json_has_the_shape_of_the_contract()
    {
        var report = await LegacyBundleAnalyzer().ConfigureAwait(true);
        var json = ImportReportJson.Serialize(report);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;

        Assert.Equal(["bundle", "sourceSystem", "dryRun", "startedAt", "finishedAt", "tables", "issues"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(LegacyTables.All, root.GetProperty("tables").EnumerateObject().Select(p => p.Name));
        var hoSo = root.GetProperty("tables").GetProperty("ho_so");
        Assert.Equal(
            ["manifestRows", "read", "imported", "unchanged", "superseded", "orphaned", "parentRejected", "rejected", "warnings"],
            hoSo.EnumerateObject().Select(p => p.Name));
        Assert.Equal(61, hoSo.GetProperty("read").GetInt32());
        Assert.Equal(59, hoSo.GetProperty("imported").GetInt32());
        Assert.Equal(2, hoSo.GetProperty("warnings").GetInt32());
        var issue = root.GetProperty("issues").EnumerateArray().Single(i => i.GetProperty("kind").GetString() == "bad_required_date");
        Assert.Equal(["file", "line", "key", "severity", "kind", "message"], issue.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("ho_so.csv", 44, "UBND-VT-150828-0001", "error"), (issue.GetProperty("file").GetString(), issue.GetProperty("line").GetInt32(), issue.GetProperty("key").GetString(), issue.GetProperty("severity").GetString()));
        Assert.Contains("Một cửa liên thông điện tử tỉnh Lạng Sơn", json, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\\u(?!00(22|26|27|2B|3C|3E|60))[0-9A-F]{4}", json);
        Assert.Contains("\"warning\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_written_report_reads_back_the_same()
    {
        var report = await LegacyBundleAnalyzer();
        using var stream = new MemoryStream();
        await ImportReportJson.WriteAsync(report, stream);
        stream.Position = 0;

        var read = await ImportReportJson.ReadAsync(stream);

        Assert.Equal(ImportReportJson.Serialize(report), ImportReportJson.Serialize(read));
        Assert.Equal(report.Issues, read.Issues);
        Assert.Equal(318, read.Table(LegacyTables.History).Imported);
    }

    [Fact]
    public async Task Marking_rows_unchanged_keeps_the_sum()
    {
        var report = await LegacyBundleAnalyzer();
        var hoSo = report.Table(LegacyTables.Dossiers);

        hoSo.MarkUnchanged(59);

        Assert.Equal((0L, 59L), (hoSo.Imported, hoSo.Unchanged));
        Assert.True(report.IsBalanced);
        Assert.Throws<ArgumentOutOfRangeException>(() => hoSo.MarkUnchanged());
    }

    [Fact]
    public async Task Report_markdown_lists_counts_and_issues()
    {
        var markdown = ImportReportMarkdown.Render(await LegacyBundleAnalyzer());

        Assert.Contains("| ho_so | 61 | 61 | 59 | 0 | 1 | 0 | 0 | 1 | 2 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| qua_trinh | 321 | 321 | 318 | 0 | 0 | 1 | 2 | 0 | 0 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| ho_so.csv | 44 | UBND-VT-150828-0001 | lỗi / error | bad_required_date |", markdown, StringComparison.Ordinal);
        Assert.Contains("Cân đối / Balanced: có / yes", markdown, StringComparison.Ordinal);
    }

    private static Task<ImportReport> LegacyBundleAnalyzer() =>
        OneStop.Legacy.Analysis.LegacyBundleAnalyzer.AnalyzeAsync(TempDirectory.Fixture("utf8"));
}

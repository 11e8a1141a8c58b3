using OneStop.Legacy.Analysis;
using OneStop.Legacy.Bundles;
using OneStop.Legacy.Reporting;
using OneStop.Legacy.Tests.Support;

namespace OneStop.Legacy.Tests.Analysis;

/// <summary>Breakage beyond FORMAT.md's eight kinds: wrong field counts, empty keys, bad codes, unsafe paths, duplicate reference keys.</summary>
public sealed class BrokenRowTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task Broken_rows_are_rejected_with_their_line_and_kind_and_the_sums_still_hold()
    {
        var folder = _temp.CopyFixture("utf8");
        Append(folder, "ho_so.csv",
            ",1.002804,SGTVT,Không Mã,123456789,,,,,1,01/01/2017 08:00,,,,5,,",
            "SGTVT-999999-0001,1.002804,SGTVT",
            "SGTVT-999999-0002,1.002804,SGTVT,Mã Lạ,123456789,,,,,1,01/01/2017 08:00,,,,9,,");
        Append(folder, "qua_trinh.csv",
            "SGTVT-150514-0001,7,31/13/2015 10:00:00,sgtvt.cb1,SGTVT,TIEP_NHAN,",
            "SGTVT-150514-0001,abc,14/05/2015 10:00,sgtvt.cb1,SGTVT,TIEP_NHAN,");
        Append(folder, "tep_dinh_kem.csv", @"SGTVT-150514-0001,Đơn,passwd,..\..\etc\passwd,10,14/05/2015 10:54:32");
        Append(folder, "don_vi.csv", "SGTVT,Sở Giao thông vận tải (mới),UBND-T,tinh");

        var contents = await BundleContents.ReadAsync(folder);
        var issues = contents.Report.Issues.Select(i => (i.File, i.Line, i.Kind)).ToHashSet();

        Assert.Contains(("ho_so.csv", 64L, IssueKind.EmptyKey), issues);
        Assert.Contains(("ho_so.csv", 65L, IssueKind.WrongFieldCount), issues);
        Assert.Contains(("ho_so.csv", 66L, IssueKind.BadValue), issues);
        Assert.Contains(("qua_trinh.csv", 323L, IssueKind.BadRequiredDate), issues);
        Assert.Contains(("qua_trinh.csv", 324L, IssueKind.BadValue), issues);
        Assert.Contains(("tep_dinh_kem.csv", 63L, IssueKind.UnsafePath), issues);
        Assert.Contains(("don_vi.csv", 3L, IssueKind.DuplicateKey), issues);
        Assert.Equal("Sở Giao thông vận tải (mới)", contents.Agencies.Single(a => a.Code == "SGTVT").Name);
        Assert.Equal(4, contents.Report.Table(LegacyTables.Dossiers).Rejected);
        Assert.Equal(2, contents.Report.Table(LegacyTables.History).Rejected);
        Assert.Equal(1, contents.Report.Table(LegacyTables.Attachments).Rejected);
        Assert.Equal(1, contents.Report.Table(LegacyTables.Agencies).Superseded);
        Assert.True(contents.Report.IsBalanced);
        Assert.DoesNotContain(contents.Attachments, a => a.Row.FileName == "passwd");
    }

    [Fact]
    public async Task An_unterminated_quote_is_reported_at_the_line_where_it_opens_and_empty_lines_are_skipped()
    {
        var folder = _temp.CopyFixture("utf8");
        Append(folder, "ho_so.csv",
            string.Empty,
            "SGTVT-999999-0003,1.002804,SGTVT,Ngoặc Mở,123456789,,,,,1,01/01/2017 08:00,,,,5,,\"ghi chú chưa đóng",
            "SGTVT-999999-0004,1.002804,SGTVT,Bị Gộp,123456789,,,,,1,01/01/2017 08:00,,,,5,,");

        var contents = await BundleContents.ReadAsync(folder);

        var issue = Assert.Single(contents.Report.Issues, i => i.Kind == IssueKind.UnterminatedQuote);
        Assert.Equal((65L, "SGTVT-999999-0003"), (issue.Line, issue.Key));
        Assert.Equal(62, contents.Report.Table(LegacyTables.Dossiers).Read);
        Assert.True(contents.Report.IsBalanced);
    }

    [Fact]
    public async Task Each_table_is_read_once_and_the_report_completes_only_when_all_were_read()
    {
        using var analyzer = await LegacyBundleAnalyzer.OpenAsync(TempDirectory.Fixture("utf8"));
        await foreach (var _ in analyzer.ReadAgenciesAsync())
        {
        }

        Assert.Throws<InvalidOperationException>(() => analyzer.Complete());
        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var _ in analyzer.ReadAgenciesAsync())
            {
            }
        });
        await analyzer.ReadAllAsync();
        Assert.True(analyzer.Complete().IsBalanced);
    }

    [Fact]
    public async Task Attachment_files_can_be_opened_from_a_zip_while_its_rows_stream()
    {
        var zip = _temp.Zip(_temp.CopyFixture("windows-1258"));
        using var analyzer = await LegacyBundleAnalyzer.OpenAsync(zip);
        var copied = 0;
        await foreach (var attachment in analyzer.ReadAttachmentsAsync())
        {
            if (!attachment.Row.FileMissing)
            {
                await using var file = analyzer.Bundle.OpenFile(attachment.Row.Path);
                var buffer = new MemoryStream();
                await file.CopyToAsync(buffer);
                Assert.Equal(attachment.Row.Size, buffer.Length);
                copied++;
            }
        }

        Assert.Equal(58, copied);
    }

    [Fact]
    public async Task A_dry_run_reads_everything_and_stamps_the_report()
    {
        var report = await LegacyBundleAnalyzer.AnalyzeAsync(TempDirectory.Fixture("windows-1258"));

        Assert.True(report.DryRun);
        Assert.NotNull(report.FinishedAt);
        Assert.Equal("Một cửa liên thông điện tử tỉnh Lạng Sơn", report.SourceSystem);
        Assert.Equal(10, report.Issues.Count);
    }

    public void Dispose() => _temp.Dispose();

    private static void Append(string folder, string file, params string[] lines) =>
        File.AppendAllText(Path.Combine(folder, file), string.Concat(lines.Select(l => l + "\r\n")));
}

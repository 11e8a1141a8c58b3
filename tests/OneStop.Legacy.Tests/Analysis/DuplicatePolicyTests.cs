using OneStop.Legacy.Bundles;
using OneStop.Legacy.Reporting;
using OneStop.Legacy.Tests.Support;

namespace OneStop.Legacy.Tests.Analysis;

/// <summary>"The later row wins" when the later row is itself bad: a bad date rejects the code, a broken record does not count.</summary>
public sealed class DuplicatePolicyTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task A_later_copy_with_a_bad_required_date_rejects_the_dossier_and_supersedes_the_earlier_one()
    {
        var folder = _temp.CopyFixture("utf8");
        Append(folder, "ho_so.csv", "SGTVT-150514-0001,1.002809,SGTVT,Nông Minh Quyết,351925133445,,,,,1,N/A,,,,5,,");

        var contents = await BundleContents.ReadAsync(folder);
        var issues = contents.Report.Issues.Where(i => i.Key == "SGTVT-150514-0001").Select(i => (i.File, i.Line, i.Kind)).ToList();

        Assert.Contains(("ho_so.csv", 56L, IssueKind.DuplicateDossier), issues);
        Assert.Contains(("ho_so.csv", 64L, IssueKind.BadRequiredDate), issues);
        Assert.Equal(6, issues.Count(i => i.Item1 == "qua_trinh.csv" && i.Kind == IssueKind.ParentRejected));
        Assert.DoesNotContain(contents.Dossiers, d => d.Row.Code == "SGTVT-150514-0001");
        Assert.Equal(2, contents.Report.Table(LegacyTables.Dossiers).Rejected);
        Assert.True(contents.Report.IsBalanced);
    }

    [Fact]
    public async Task A_later_broken_record_does_not_replace_a_good_one()
    {
        var folder = _temp.CopyFixture("utf8");
        Append(folder, "ho_so.csv", "SGTVT-150514-0001,1.002809,SGTVT");

        var contents = await BundleContents.ReadAsync(folder);

        Assert.Equal(56, contents.Dossier("SGTVT-150514-0001").Line);
        Assert.Contains(contents.Report.Issues, i => i is { Line: 64, Kind: IssueKind.WrongFieldCount });
        Assert.DoesNotContain(contents.Report.Issues, i => i is { Line: 56 });
    }

    [Fact]
    public async Task A_history_row_repeating_a_dossier_and_order_supersedes_the_earlier_row_which_is_reported_once()
    {
        var folder = _temp.CopyFixture("utf8");
        var before = await BundleContents.ReadAsync(TempDirectory.Fixture("utf8"));
        Append(folder, "qua_trinh.csv", "UBND-BS-171130-0001,2,02/12/2017 10:00:00,ubndbs.cb2,UBND-BS,CHUYEN_XU_LY,Sửa lại: đủ điều kiện");
        Append(folder, "qua_trinh.csv", "UBND-BS-171130-0001,2,02/12/2017 11:00:00,ubndbs.cb2,UBND-BS,CHUYEN_XU_LY,Sửa lần hai");

        var contents = await BundleContents.ReadAsync(folder);
        var history = contents.Report.Table(LegacyTables.History);
        var duplicates = contents.Report.Issues.Where(i => i.Kind == IssueKind.DuplicateKey && i.File == "qua_trinh.csv").ToList();

        // Lines 3 (the original) and 323 are superseded by line 324, each reported once; one row of (code, 2) is imported.
        Assert.Equal([3L, 323L], duplicates.Select(i => i.Line).Order());
        Assert.All(duplicates, i => Assert.Equal("UBND-BS-171130-0001", i.Key));
        Assert.Equal(before.Report.Table(LegacyTables.History).Read + 2, history.Read);
        Assert.Equal(before.Report.Table(LegacyTables.History).Imported, history.Imported);
        Assert.Equal(2, history.Superseded);
        Assert.True(contents.Report.IsBalanced);
        Assert.Equal(324, contents.History.Single(h => h.DossierCode == "UBND-BS-171130-0001" && h.Sequence == 2).Line);
    }

    public void Dispose() => _temp.Dispose();

    private static void Append(string folder, string file, string line) => File.AppendAllText(Path.Combine(folder, file), line + "\r\n");
}

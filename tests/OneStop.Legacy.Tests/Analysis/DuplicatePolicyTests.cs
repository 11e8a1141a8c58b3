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

    public void Dispose() => _temp.Dispose();

    private static void Append(string folder, string file, string line) => File.AppendAllText(Path.Combine(folder, file), line + "\r\n");
}

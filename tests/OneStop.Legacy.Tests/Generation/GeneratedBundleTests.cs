using OneStop.Legacy.Bundles;
using OneStop.Legacy.Reporting;
using OneStop.Legacy.Tests.Generator;
using OneStop.Legacy.Tests.Support;

namespace OneStop.Legacy.Tests.Generation;

/// <summary>Generated bundles with every defect kind are read to exactly the counts and issues the generator expects.</summary>
public sealed class GeneratedBundleTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public static TheoryData<BundleEncoding, BundleLayout> Variants => new()
    {
        { BundleEncoding.Utf8, BundleLayout.Folder },
        { BundleEncoding.Utf8WithBom, BundleLayout.Zip },
        { BundleEncoding.Windows1258, BundleLayout.Folder },
        { BundleEncoding.Windows1258, BundleLayout.Zip },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task Every_defect_kind_is_reported_with_file_line_key_and_kind(BundleEncoding encoding, BundleLayout layout)
    {
        var bundle = BundleGenerator.Write(_temp.Path, Spec(encoding, layout));
        var contents = await BundleContents.ReadAsync(bundle.Path);

        foreach (var table in LegacyTables.All)
        {
            var actual = contents.Report.Table(table);
            Assert.True(bundle.Tables[table].Matches(actual), $"{table}: expected {bundle.Tables[table]}, got read {actual.Read} imported {actual.Imported} superseded {actual.Superseded} orphaned {actual.Orphaned} parentRejected {actual.ParentRejected} rejected {actual.Rejected} warnings {actual.Warnings}");
            Assert.True(actual.IsBalanced, table);
            Assert.Equal(actual.Read, actual.ManifestRows);
        }

        var expected = bundle.Issues.Select(i => (i.File, i.Line, i.Key, i.Kind)).Order().ToList();
        Assert.Equal(expected, contents.Report.Issues.Select(i => (i.File, i.Line, i.Key, i.Kind)).Order().ToList());
        Assert.Equal(bundle.OpenDossiers, contents.Dossiers.Count(d => d.Row.IsOpen));
        foreach (var kind in new[] { IssueKind.DuplicateDossier, IssueKind.DuplicateKey, IssueKind.OrphanHistory, IssueKind.OrphanAttachment, IssueKind.BadRequiredDate, IssueKind.BadOptionalDate, IssueKind.UnknownProcedure, IssueKind.MissingFile, IssueKind.ParentRejected })
        {
            Assert.Contains(contents.Report.Issues, i => i.Kind == kind);
        }
    }

    [Fact]
    public async Task Multi_line_notes_before_a_defect_do_not_shift_its_line()
    {
        var spec = new BundleSpec { Dossiers = 40, Seed = 7, Defects = new DefectCounts { MultilineNotes = 20, BadOptionalDates = 5, DuplicateDossiers = 3 } };
        var bundle = BundleGenerator.Write(_temp.Path, spec);
        var report = (await BundleContents.ReadAsync(bundle.Path)).Report;

        Assert.Equal(bundle.Issues.Select(i => (i.Line, i.Kind)).Order(), report.Issues.Select(i => (i.Line, i.Kind)).Order());
        Assert.Contains(bundle.Issues, i => i.Line > spec.Dossiers + 1);
    }

    [Fact]
    public async Task Both_encodings_give_identical_accepted_rows_in_NFC()
    {
        var utf8 = await BundleContents.ReadAsync(BundleGenerator.Write(_temp.Path, Spec(BundleEncoding.Utf8WithBom, BundleLayout.Folder), "utf8").Path);
        var legacy = await BundleContents.ReadAsync(BundleGenerator.Write(_temp.Path, Spec(BundleEncoding.Windows1258, BundleLayout.Folder), "cp1258").Path);

        AssertSameRows(utf8, legacy);
        Assert.All(legacy.Dossiers, d => Assert.True(d.Row.ApplicantName.IsNormalized(System.Text.NormalizationForm.FormC)));
        var raw = await File.ReadAllBytesAsync(_temp.Combine("cp1258", "ho_so.csv"));
        Assert.Contains((byte)0xEC, raw);
    }

    [Fact]
    public async Task Zip_folder_and_nested_zip_read_the_same()
    {
        var folder = BundleGenerator.Write(_temp.Path, Spec(BundleEncoding.Utf8, BundleLayout.Folder)).Path;
        var zip = _temp.Zip(folder);
        var nested = _temp.Zip(folder, includeBaseDirectory: true);

        var fromFolder = await BundleContents.ReadAsync(folder);
        AssertSameRows(fromFolder, await BundleContents.ReadAsync(zip));
        AssertSameRows(fromFolder, await BundleContents.ReadAsync(nested));
    }

    [Fact]
    public async Task Column_order_extra_columns_and_delimiter_do_not_matter()
    {
        var plain = await BundleContents.ReadAsync(BundleGenerator.Write(_temp.Path, Spec(BundleEncoding.Utf8, BundleLayout.Folder), "plain").Path);
        var shuffled = await BundleContents.ReadAsync(
            BundleGenerator.Write(_temp.Path, Spec(BundleEncoding.Utf8, BundleLayout.Folder) with { ShuffleColumns = true, Delimiter = ';' }, "shuffled").Path);

        AssertSameRows(plain, shuffled);
    }

    [Fact]
    public void The_same_seed_writes_the_same_bytes()
    {
        var a = BundleGenerator.Write(_temp.Path, Spec(BundleEncoding.Windows1258, BundleLayout.Folder), "a");
        var b = BundleGenerator.Write(_temp.Path, Spec(BundleEncoding.Windows1258, BundleLayout.Folder), "b");

        foreach (var table in LegacyTables.All)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(a.Path, table + ".csv")), File.ReadAllBytes(Path.Combine(b.Path, table + ".csv")));
        }

        Assert.Equal(a.Issues, b.Issues);
    }

    public void Dispose() => _temp.Dispose();

    internal static BundleSpec Spec(BundleEncoding encoding, BundleLayout layout) =>
        new() { Dossiers = 300, Seed = 42, Encoding = encoding, Layout = layout, Defects = DefectCounts.OfEach(3) };

    private static void AssertSameRows(BundleContents expected, BundleContents actual)
    {
        Assert.Equal(expected.Agencies, actual.Agencies);
        Assert.Equal(expected.Fields, actual.Fields);
        Assert.Equal(expected.Procedures, actual.Procedures);
        Assert.Equal(expected.Placeholders, actual.Placeholders);
        Assert.Equal(expected.Officials, actual.Officials);
        Assert.Equal(expected.Dossiers.Select(d => d.Row), actual.Dossiers.Select(d => d.Row));
        Assert.Equal(expected.History, actual.History);
        Assert.Equal(expected.Attachments.Select(a => a.Row), actual.Attachments.Select(a => a.Row));
        Assert.Equal(
            expected.Report.Issues.Select(i => i with { Message = string.Empty }),
            actual.Report.Issues.Select(i => i with { Message = string.Empty }));
    }
}

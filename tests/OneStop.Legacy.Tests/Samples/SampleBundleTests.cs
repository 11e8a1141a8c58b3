using System.Text.Json;
using OneStop.Legacy.Bundles;
using OneStop.Legacy.Records;
using OneStop.Legacy.Reporting;
using OneStop.Legacy.Tests.Support;

namespace OneStop.Legacy.Tests.Samples;

/// <summary>The two shared sample bundles (copied into Fixtures/) read to the counts of their expected.json.</summary>
public sealed class SampleBundleTests
{
    public static TheoryData<string> Samples => new() { "utf8", "windows-1258" };

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Dossier_counts_match_expected_json(string sample)
    {
        var contents = await BundleContents.ReadAsync(TempDirectory.Fixture(sample));
        var expected = Expected(sample).GetProperty("dossiers");
        var hoSo = contents.Report.Table(LegacyTables.Dossiers);

        Assert.Equal(expected.GetProperty("rows_in_file").GetInt64(), hoSo.Read);
        Assert.Equal(expected.GetProperty("imported").GetInt64(), hoSo.Imported);
        Assert.Equal(expected.GetProperty("rejected").GetInt64(), hoSo.Rejected);
        Assert.Equal(expected.GetProperty("superseded_duplicates").GetInt64(), hoSo.Superseded);
        Assert.Equal(expected.GetProperty("distinct_codes").GetInt64(), contents.Dossiers.Count + hoSo.Rejected);
        Assert.Equal(expected.GetProperty("open").GetInt32(), contents.Dossiers.Count(d => d.Row.IsOpen));
        Assert.Equal(expected.GetProperty("closed").GetInt32(), contents.Dossiers.Count(d => !d.Row.IsOpen));
        foreach (var status in expected.GetProperty("by_status").EnumerateObject())
        {
            Assert.Equal(status.Value.GetInt32(), contents.Dossiers.Count(d => (int)d.Row.Status == int.Parse(status.Name, System.Globalization.CultureInfo.InvariantCulture)));
        }

        Assert.Equal(2, hoSo.Warnings);
        Assert.Equal(61, hoSo.ManifestRows);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task History_attachment_and_official_counts_match_expected_json(string sample)
    {
        var contents = await BundleContents.ReadAsync(TempDirectory.Fixture(sample));
        var expected = Expected(sample);
        AssertChild(expected.GetProperty("history"), contents.Report.Table(LegacyTables.History));
        AssertChild(expected.GetProperty("attachments"), contents.Report.Table(LegacyTables.Attachments));
        Assert.Equal(expected.GetProperty("attachments").GetProperty("missing_files").GetInt32(), contents.Attachments.Count(a => a.Row.FileMissing));
        Assert.Equal(expected.GetProperty("officials").GetProperty("rows").GetInt32(), contents.Officials.Count);
        Assert.Equal(expected.GetProperty("officials").GetProperty("active").GetInt32(), contents.Officials.Count(o => o.IsActive));
        Assert.True(contents.Report.IsBalanced);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Every_defect_is_reported_with_its_file_line_and_kind(string sample)
    {
        var report = (await BundleContents.ReadAsync(TempDirectory.Fixture(sample))).Report;
        var actual = report.Issues.Select(i => (i.File, i.Line, i.Key, i.Kind)).Order().ToList();
        (string, long, string, IssueKind)[] expected =
        [
            ("ho_so.csv", 19, "SGTVT-170310-0001", IssueKind.DuplicateDossier),
            ("ho_so.csv", 28, "STNMT-170111-0001", IssueKind.BadOptionalDate),
            ("ho_so.csv", 44, "UBND-VT-150828-0001", IssueKind.BadRequiredDate),
            ("ho_so.csv", 59, "UBND-HL-170505-0001", IssueKind.UnknownProcedure),
            ("qua_trinh.csv", 231, "UBND-VT-150828-0001", IssueKind.ParentRejected),
            ("qua_trinh.csv", 232, "UBND-VT-150828-0001", IssueKind.ParentRejected),
            ("qua_trinh.csv", 322, "SXD-991231-0001", IssueKind.OrphanHistory),
            ("tep_dinh_kem.csv", 11, "UBND-BS-150114-0001", IssueKind.MissingFile),
            ("tep_dinh_kem.csv", 40, "UBND-VT-150828-0001", IssueKind.ParentRejected),
            ("tep_dinh_kem.csv", 62, "SXD-991231-0001", IssueKind.OrphanAttachment),
        ];
        Assert.Equal(expected.Order(), actual);
        Assert.All(report.Issues.Where(i => i.Kind is IssueKind.BadOptionalDate or IssueKind.UnknownProcedure or IssueKind.MissingFile), i => Assert.Equal(IssueSeverity.Warning, i.Severity));
        Assert.Contains(@"files\2015\UBND-BS-150114-0001\UBND-BS-150114-0001_1.pdf", report.Issues.Single(i => i.Kind == IssueKind.MissingFile).Message, StringComparison.Ordinal);
        var expectedDefects = Expected(sample).GetProperty("defects");
        foreach (var (name, kind) in new[] { ("duplicate_dossier", IssueKind.DuplicateDossier), ("orphan_history", IssueKind.OrphanHistory), ("orphan_attachment", IssueKind.OrphanAttachment), ("bad_required_date", IssueKind.BadRequiredDate), ("bad_optional_date", IssueKind.BadOptionalDate), ("unknown_procedure", IssueKind.UnknownProcedure) })
        {
            Assert.Equal(expectedDefects.GetProperty(name).EnumerateArray().Select(e => e.GetString()!).Order(), report.Issues.Where(i => i.Kind == kind).Select(i => i.Key).Order());
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Sample_dossiers_are_read_with_their_values(string sample)
    {
        var contents = await BundleContents.ReadAsync(TempDirectory.Fixture(sample));
        foreach (var expected in Expected(sample).GetProperty("samples").EnumerateArray())
        {
            var code = expected.GetProperty("so_ho_so").GetString()!;
            var dossier = contents.Dossier(code);
            Assert.Equal(expected.GetProperty("nguoi_nop").GetString(), dossier.ApplicantName);
            Assert.Equal(expected.GetProperty("so_giay_to").GetString(), dossier.IdNumber);
            Assert.Equal(expected.GetProperty("trang_thai").GetInt32(), (int)dossier.Status);
            Assert.Equal(expected.GetProperty("ma_thu_tuc").GetString(), dossier.ProcedureCode);
            Assert.Equal(expected.GetProperty("ngay_nop").GetString(), dossier.SubmittedAt.ToString("dd/MM/yyyy HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(TimeSpan.FromHours(7), dossier.SubmittedAt.Offset);
            Assert.Equal(expected.GetProperty("history_rows").GetInt32(), contents.History.Count(h => h.DossierCode == code));
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Values_are_trimmed_typed_and_normalised(string sample)
    {
        var contents = await BundleContents.ReadAsync(TempDirectory.Fixture(sample));

        Assert.Equal("UBND-BS", contents.Dossier("UBND-BS-170331-0001").AgencyCode);
        Assert.Equal("034774495", contents.Dossier("UBND-BS-170818-0001").IdNumber);
        var duplicate = contents.Dossier("SGTVT-170310-0001");
        Assert.Equal(63, duplicate.Line);
        Assert.Equal("Bản ghi cập nhật lại", duplicate.Note);
        Assert.Equal("0912345678", duplicate.Phone);
        var phone = contents.Dossier("UBND-BS-171130-0001");
        Assert.Equal(("097.820.830", null), (phone.PhoneAsTyped, phone.Phone));
        Assert.Equal("0253851459", contents.Dossier("STNMT-150224-0001").Phone);
        Assert.Equal("0996149619", contents.Dossier("SGTVT-171221-0001").Phone);
        Assert.Equal(LegacyChannel.Post, phone.Channel);
        Assert.Equal(new DateOnly(1983, 3, 28), phone.BirthDate);
        var badOptional = contents.Dossier("STNMT-170111-0001");
        Assert.Null(badOptional.BirthDate);
        Assert.Single(contents.Dossiers.Single(d => d.Row.Code == "STNMT-170111-0001").Warnings);
        var multiline = contents.Dossier("SGTVT-180228-0001");
        Assert.Equal(35, multiline.Line);
        Assert.Equal("Dòng 1, có dấu phẩy\nDòng 2 có \"ngoặc kép\"", multiline.Note);
        Assert.Equal(37, contents.Dossiers.SkipWhile(d => d.Row.Code != "SGTVT-180228-0001").Skip(1).First().Row.Line);
        Assert.True(contents.Dossier("UBND-HL-170505-0001").ProcedureIsPlaceholder);
        Assert.Equal("9.999999", Assert.Single(contents.Placeholders).Code);
        Assert.All(contents.Attachments, a => Assert.DoesNotContain('\\', a.Row.Path));
        Assert.Equal("Sở Giao thông vận tải", contents.Agencies.Single(a => a.Code == "SGTVT").Name);
        Assert.Equal(AgencyLevel.Commune, contents.Agencies.Single(a => a.Code == "UBND-VT").Level);
    }

    private static void AssertChild(JsonElement expected, TableCounters actual)
    {
        Assert.Equal(expected.GetProperty("rows_in_file").GetInt64(), actual.Read);
        Assert.Equal(expected.GetProperty("imported").GetInt64(), actual.Imported);
        Assert.Equal(expected.GetProperty("orphans").GetInt64(), actual.Orphaned);
        Assert.Equal(expected.GetProperty("skipped_parent_rejected").GetInt64(), actual.ParentRejected);
        Assert.Equal(0, actual.Rejected);
    }

    private static JsonElement Expected(string sample)
    {
        using var stream = File.OpenRead(Path.Combine(TempDirectory.Fixture(sample), "expected.json"));
        return JsonDocument.Parse(stream).RootElement.Clone();
    }
}

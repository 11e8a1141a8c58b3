using OneStop.Legacy.Bundles;
using OneStop.Legacy.Reporting;

namespace OneStop.Legacy.Tests.Generator;

/// <summary>Writes ho_so, qua_trinh and tep_dinh_kem side by side, one dossier at a time, holding only the few duplicates' final copies.</summary>
internal sealed class DossierTablesWriter(string folder, BundleSpec spec, Dictionary<string, ExpectedCounter> counts, List<ExpectedIssue> issues)
{
    private static readonly string[] BadRequiredDates = ["31/02/2017 08:00:00", "N/A", "2017-13-01"];
    private static readonly DateTime Start = new(2015, 1, 5, 7, 30, 0, DateTimeKind.Unspecified);
    private static readonly int[] OpenStatuses = [1, 2, 3, 4, 8];
    private static readonly int[] ClosedStatuses = [6, 7];

    private readonly Random _random = new(spec.Seed);
    private readonly ExpectedCounter _dossiers = counts[LegacyTables.Dossiers];
    private readonly ExpectedCounter _history = counts[LegacyTables.History];
    private readonly ExpectedCounter _attachments = counts[LegacyTables.Attachments];
    private GeneratorCsvWriter _hoSo = null!;
    private GeneratorCsvWriter _quaTrinh = null!;
    private GeneratorCsvWriter _tep = null!;

    /// <summary>Writes the three files and returns the number of open dossiers a reader must accept.</summary>
    public long Write()
    {
        var plan = new DefectPlan(spec, _random);
        var orphanHistory = DefectPlan.Spread(spec.Defects.OrphanHistory, spec.Dossiers);
        var orphanAttachments = DefectPlan.Spread(spec.Defects.OrphanAttachments, spec.Dossiers);
        var duplicateHistory = DefectPlan.Spread(spec.Defects.DuplicateHistory, spec.Dossiers);
        int nextDuplicateHistory = 0, pendingDuplicateHistory = 0;
        using var hoSo = _hoSo = Open(LegacyTables.Dossiers);
        using var quaTrinh = _quaTrinh = Open(LegacyTables.History);
        using var tep = _tep = Open(LegacyTables.Attachments);
        var finalCopies = new List<(string Code, string[] Row)>();
        long open = 0;
        int nextOrphanHistory = 0, nextOrphanAttachment = 0;
        for (var i = 0; i < spec.Dossiers; i++)
        {
            var defect = plan[i];
            var dossier = NewDossier(i, defect);
            if (defect == DefectKind.Duplicate)
            {
                var earlier = (string[])dossier.Row.Clone();
                earlier[7] = "0900000000";
                earlier[16] = "Bản ghi cũ, sẽ được thay";
                Issue(LegacyTables.Dossiers, _hoSo.Write(earlier), dossier.Code, IssueKind.DuplicateDossier);
                _dossiers.Read++;
                _dossiers.Superseded++;
                finalCopies.Add((dossier.Code, dossier.Row));
            }
            else
            {
                WriteDossier(dossier.Code, dossier.Row, defect);
            }

            var rejected = defect == DefectKind.BadRequiredDate;
            open += !rejected && OpenStatuses.Contains(dossier.Status) ? 1 : 0;
            var firstHistoryLine = WriteHistory(dossier, rejected);
            for (; nextDuplicateHistory < duplicateHistory.Length && duplicateHistory[nextDuplicateHistory] == i; nextDuplicateHistory++)
            {
                pendingDuplicateHistory++;
            }

            if (pendingDuplicateHistory > 0 && defect == DefectKind.None)
            {
                // The first history row again, corrected: the later copy wins, the earlier is reported as superseded.
                pendingDuplicateHistory--;
                _quaTrinh.Write(
                    dossier.Code, "1", Timestamp(dossier.Submitted.AddHours(5)), ReferenceData.OfficialOf(dossier.Agency, 1), dossier.Agency,
                    ReferenceData.Actions[0], "Bản ghi sửa lại (trùng thứ tự 1)");
                _history.Read++;
                _history.Superseded++;
                Issue(LegacyTables.History, firstHistoryLine, dossier.Code, IssueKind.DuplicateKey);
            }
            WriteAttachments(dossier, rejected, defect == DefectKind.MissingFile);
            for (; nextOrphanHistory < orphanHistory.Length && orphanHistory[nextOrphanHistory] == i; nextOrphanHistory++)
            {
                WriteOrphanHistory(nextOrphanHistory);
            }

            for (; nextOrphanAttachment < orphanAttachments.Length && orphanAttachments[nextOrphanAttachment] == i; nextOrphanAttachment++)
            {
                WriteOrphanAttachment(nextOrphanAttachment);
            }
        }

        foreach (var (code, row) in finalCopies)
        {
            WriteDossier(code, row, DefectKind.None);
        }

        return open;
    }

    private GeneratorCsvWriter Open(string table) => new(Path.Combine(folder, BundleGenerator.FileOf(table)), BundleGenerator.Columns[table], spec);

    private void Issue(string table, long line, string key, IssueKind kind) => issues.Add(new ExpectedIssue(BundleGenerator.FileOf(table), line, key, kind));

    private void WriteDossier(string code, string[] row, DefectKind defect)
    {
        var line = _hoSo.Write(row);
        _dossiers.Read++;
        switch (defect)
        {
            case DefectKind.BadRequiredDate:
                _dossiers.Rejected++;
                Issue(LegacyTables.Dossiers, line, code, IssueKind.BadRequiredDate);
                break;
            case DefectKind.BadOptionalDate:
                _dossiers.Warnings++;
                Issue(LegacyTables.Dossiers, line, code, IssueKind.BadOptionalDate);
                break;
            case DefectKind.UnknownProcedure:
                _dossiers.Warnings++;
                Issue(LegacyTables.Dossiers, line, code, IssueKind.UnknownProcedure);
                break;
        }
    }

    private GeneratedDossier NewDossier(int index, DefectKind defect)
    {
        var r = _random;
        var procedure = ReferenceData.Procedures[r.Next(ReferenceData.Procedures.Count)];
        var agency = procedure[3];
        var submitted = Start.AddMinutes(r.Next(3 * 365 * 24 * 60)).AddSeconds(r.Next(60));
        var code = LegacyText.Format($"{agency}-{submitted:yyMMdd}-{index + 1:D6}");
        var status = r.Next(100) < 80 ? 5 : r.Next(3) == 0 ? ClosedStatuses[r.Next(2)] : OpenStatuses[r.Next(OpenStatuses.Length)];
        var due = submitted.AddDays(int.Parse(procedure[4], System.Globalization.CultureInfo.InvariantCulture) + 2);
        var completed = status is 5 or 4 ? submitted.AddDays(1 + r.Next(20)).AddHours(r.Next(8)) : (DateTime?)null;
        var returned = status == 5 ? completed!.Value.AddHours(2 + r.Next(48)) : (DateTime?)null;
        var name = LegacyText.Format($"{Pick(ReferenceData.FamilyNames)} {Pick(ReferenceData.MiddleNames)} {Pick(ReferenceData.GivenNames)}");
        var id = r.Next(2) == 0 ? LegacyText.Format($"0{r.NextInt64(10_000_000, 99_999_999)}") : LegacyText.Format($"{r.NextInt64(0, 1_000_000_000_000):D12}");
        var notes = new[] { string.Empty, "Hồ sơ đầy đủ", "Công dân yêu cầu \"gửi qua bưu điện\"" };
        string[] row =
        [
            code, procedure[0], agency, name, id, Date(Start.AddYears(-20 - r.Next(50)).AddDays(r.Next(365))),
            LegacyText.Format($"Số {1 + r.Next(300)}, đường {Pick(ReferenceData.Streets)}, tỉnh Lạng Sơn"), Phone(r), r.Next(3) == 0 ? "nguoi.nop@gmail.com" : string.Empty,
            LegacyText.Format($"{1 + r.Next(3)}"), Timestamp(submitted), Timestamp(due), completed is null ? string.Empty : Timestamp(completed.Value),
            returned is null ? string.Empty : Timestamp(returned.Value), LegacyText.Format($"{status}"), status == 5 ? string.Empty : ReferenceData.OfficialOf(agency, index), Pick(notes),
        ];
        var history = 1 + r.Next(Math.Max(1, spec.MaxHistoryPerDossier));
        var attachments = r.Next(spec.MaxAttachmentsPerDossier + 1);
        ApplyDefect(row, defect, index);
        return new GeneratedDossier(code, agency, status, submitted, row, history, defect == DefectKind.MissingFile ? Math.Max(1, attachments) : attachments);
    }

    private static void ApplyDefect(string[] row, DefectKind defect, int index)
    {
        switch (defect)
        {
            case DefectKind.BadRequiredDate:
                row[10] = BadRequiredDates[index % BadRequiredDates.Length];
                break;
            case DefectKind.BadOptionalDate:
                row[5] = "00/00/0000";
                break;
            case DefectKind.UnknownProcedure:
                row[1] = LegacyText.Format($"9.{index:D6}");
                break;
            case DefectKind.StrayWhitespace:
                row[0] = "  " + row[0] + " ";
                row[2] = " " + row[2] + " ";
                break;
            case DefectKind.MultilineNote:
                row[16] = index % 2 == 0 ? "Dòng 1, có dấu phẩy\r\nDòng 2 có \"ngoặc kép\"" : "Ghi chú, nhiều dòng\nDòng \"hai\"\nDòng ba";
                break;
        }
    }

    /// <summary>Writes the dossier's history rows; returns the line of the first.</summary>
    private long WriteHistory(GeneratedDossier dossier, bool parentRejected)
    {
        long first = 0;
        for (var k = 1; k <= dossier.History; k++)
        {
            var line = _quaTrinh.Write(
                dossier.Code, LegacyText.Format($"{k}"), Timestamp(dossier.Submitted.AddHours(k * 5)), ReferenceData.OfficialOf(dossier.Agency, k),
                dossier.Agency, ReferenceData.Actions[Math.Min(k, ReferenceData.Actions.Count) - 1], k % 2 == 0 ? "Đủ điều kiện" : "Chuyển phòng chuyên môn thẩm định");
            _history.Read++;
            first = first == 0 ? line : first;
            if (parentRejected)
            {
                _history.ParentRejected++;
                Issue(LegacyTables.History, line, dossier.Code, IssueKind.ParentRejected);
            }
        }

        return first;
    }

    private void WriteAttachments(GeneratedDossier dossier, bool parentRejected, bool firstMissing)
    {
        for (var k = 1; k <= dossier.Attachments; k++)
        {
            var file = LegacyText.Format($"{dossier.Code}_{k}.pdf");
            var relative = LegacyText.Format($"files/{dossier.Submitted:yyyy}/{dossier.Code}/{file}");
            var content = LegacyText.Format($"%PDF-1.4\n% {dossier.Code} {k}\n");
            var missing = (firstMissing && k == 1) || !spec.WriteAttachmentFiles;
            if (!missing)
            {
                Directory.CreateDirectory(Path.Combine(folder, "files", LegacyText.Format($"{dossier.Submitted:yyyy}"), dossier.Code));
                File.WriteAllText(Path.Combine(folder, relative), content);
            }

            var line = _tep.Write(
                dossier.Code, ReferenceData.Documents[k % ReferenceData.Documents.Count], file, k % 2 == 0 ? relative : relative.Replace('/', '\\'),
                LegacyText.Format($"{content.Length}"), Timestamp(dossier.Submitted));
            _attachments.Read++;
            if (parentRejected)
            {
                _attachments.ParentRejected++;
                Issue(LegacyTables.Attachments, line, dossier.Code, IssueKind.ParentRejected);
            }
            else if (missing)
            {
                _attachments.Warnings++;
                if (spec.WriteAttachmentFiles)
                {
                    Issue(LegacyTables.Attachments, line, dossier.Code, IssueKind.MissingFile);
                }
            }
        }
    }

    private void WriteOrphanHistory(int n)
    {
        var code = LegacyText.Format($"SXD-991231-{n + 1:D6}");
        Issue(LegacyTables.History, _quaTrinh.Write(code, "1", "26/04/2018 17:30:00", "sxd.cb1", "SXD", "TIEP_NHAN", string.Empty), code, IssueKind.OrphanHistory);
        _history.Read++;
        _history.Orphaned++;
    }

    private void WriteOrphanAttachment(int n)
    {
        var code = LegacyText.Format($"SXD-991231-{n + 1:D6}");
        Issue(LegacyTables.Attachments, _tep.Write(code, "Đơn đề nghị", "x.pdf", "files/none/x.pdf", "10", "26/04/2018 17:30:00"), code, IssueKind.OrphanAttachment);
        _attachments.Read++;
        _attachments.Orphaned++;
    }

    private string Pick(IReadOnlyList<string> values) => values[_random.Next(values.Count)];

    private static string Phone(Random r) => r.Next(5) switch
    {
        0 => LegacyText.Format($"09{r.Next(100):D2}.{r.Next(1000):D3}.{r.Next(1000):D3}"),
        1 => LegacyText.Format($"+84 9{r.Next(100_000_000):D8}"),
        2 => LegacyText.Format($"(025) 38{r.Next(100_000):D5}"),
        3 => LegacyText.Format($"09{r.Next(100_000_000):D8}"),
        _ => string.Empty,
    };

    private static string Timestamp(DateTime value) => LegacyText.Format($"{value:dd/MM/yyyy HH:mm:ss}");

    private static string Date(DateTime value) => LegacyText.Format($"{value:dd/MM/yyyy}");

    private sealed record GeneratedDossier(string Code, string Agency, int Status, DateTime Submitted, string[] Row, int History, int Attachments);
}

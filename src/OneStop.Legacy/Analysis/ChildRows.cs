using OneStop.Legacy.Bundles;
using OneStop.Legacy.Csv;
using OneStop.Legacy.Records;
using OneStop.Legacy.Reporting;

namespace OneStop.Legacy.Analysis;

/// <summary>Maps the rows that belong to a dossier (qua_trinh, tep_dinh_kem): orphans and children of rejected dossiers first.</summary>
internal static class ChildRows
{
    public static LegacyHistoryEntry? History(RowContext row, DossierIndex dossiers, HistoryDuplicates duplicates)
    {
        if (!HasImportedParent(row, dossiers, IssueKind.OrphanHistory, "dòng lịch sử xử lý này"))
        {
            return null;
        }

        var sequenceText = row.Get("thu_tu");
        if (!LegacyValues.TryInt(sequenceText, out var sequence))
        {
            return row.Fail<LegacyHistoryEntry>(RowOutcome.Rejected, IssueKind.BadValue, Messages.BadRequiredValue("thu_tu", sequenceText));
        }

        if (duplicates.SupersededBy(row.Key, sequence, row.Line) is { } winner)
        {
            return row.Fail<LegacyHistoryEntry>(RowOutcome.Superseded, IssueKind.DuplicateKey,
                Messages.DuplicateKey("so_ho_so, thu_tu", row.Key + ", " + sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), winner));
        }

        var atText = row.Get("thoi_diem");
        if (!LegacyValues.TryTimestamp(atText, out var at))
        {
            return row.Fail<LegacyHistoryEntry>(RowOutcome.Rejected, IssueKind.BadRequiredDate, Messages.BadRequiredDate("thoi_diem", atText));
        }

        return new LegacyHistoryEntry(
            row.Line, row.Key, sequence, at, row.GetOrNull("ten_dang_nhap"), row.GetOrNull("ma_don_vi"), row.Get("hanh_dong"), row.GetOrNull("noi_dung"));
    }

    public static LegacyAttachment? Attachment(RowContext row, DossierIndex dossiers, LegacyBundle bundle)
    {
        if (!HasImportedParent(row, dossiers, IssueKind.OrphanAttachment, "tệp đính kèm này"))
        {
            return null;
        }

        var raw = row.Get("duong_dan");
        var path = BundlePath.Normalize(raw);
        if (path is null && raw.Length > 0)
        {
            return row.Fail<LegacyAttachment>(RowOutcome.Rejected, IssueKind.UnsafePath, Messages.UnsafePath(raw));
        }

        var missing = path is null || !bundle.FileExists(path);
        if (missing)
        {
            row.Warn(IssueKind.MissingFile, path is null ? Messages.NoPath() : Messages.MissingFile(raw));
        }

        long? size = null;
        var sizeText = row.Get("kich_thuoc");
        if (sizeText.Length > 0)
        {
            if (LegacyValues.TryLong(sizeText, out var bytes))
            {
                size = bytes;
            }
            else
            {
                row.Warn(IssueKind.BadValue, Messages.BadOptionalValue("kich_thuoc", sizeText));
            }
        }

        var fileName = row.Get("ten_tep");
        if (fileName.Length == 0 && path is not null)
        {
            fileName = path[(path.LastIndexOf('/') + 1)..];
        }

        return new LegacyAttachment(
            row.Line, row.Key, row.GetOrNull("ten_giay_to"), fileName, path ?? string.Empty, size, row.OptionalTimestamp("ngay_tai_len"), missing);
    }

    private static bool HasImportedParent(RowContext row, DossierIndex dossiers, IssueKind orphanKind, string what)
    {
        if (!dossiers.TryGet(row.Key, out var parent))
        {
            row.Fail(RowOutcome.Orphaned, orphanKind, Messages.Orphan(row.Key, what));
            return false;
        }

        if (parent.Rejected)
        {
            row.Fail(RowOutcome.ParentRejected, IssueKind.ParentRejected, Messages.ParentRejected(row.Key, what));
            return false;
        }

        return true;
    }
}

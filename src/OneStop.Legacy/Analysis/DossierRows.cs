using OneStop.Core.Common;
using OneStop.Legacy.Csv;
using OneStop.Legacy.Records;
using OneStop.Legacy.Reporting;

namespace OneStop.Legacy.Analysis;

/// <summary>Maps a ho_so row; the same checks run in the index pass (issues discarded) and in the reading pass.</summary>
internal static class DossierRows
{
    public static LegacyDossier? Winner(RowContext row, DossierIndex index, KeyIndex procedures)
    {
        if (index.TryGet(row.Key, out var entry) && entry.LastLine != row.Line)
        {
            return row.Fail<LegacyDossier>(RowOutcome.Superseded, IssueKind.DuplicateDossier, Messages.DuplicateDossier(row.Key, entry.LastLine));
        }

        return Map(row, procedures);
    }

    public static LegacyDossier? Map(RowContext row, KeyIndex procedures)
    {
        var submittedText = row.Get("ngay_nop");
        if (!LegacyValues.TryTimestamp(submittedText, out var submitted))
        {
            return row.Fail<LegacyDossier>(RowOutcome.Rejected, IssueKind.BadRequiredDate, Messages.BadRequiredDate("ngay_nop", submittedText));
        }

        var statusText = row.Get("trang_thai");
        if (!LegacyValues.TryInt(statusText, out var statusCode) || !Enum.IsDefined((LegacyDossierStatus)statusCode))
        {
            return row.Fail<LegacyDossier>(RowOutcome.Rejected, IssueKind.BadValue, Messages.BadRequiredValue("trang_thai", statusText));
        }

        var procedure = row.Get("ma_thu_tuc");
        if (procedure.Length == 0)
        {
            return row.Fail<LegacyDossier>(RowOutcome.Rejected, IssueKind.BadValue, Messages.BadRequiredValue("ma_thu_tuc", procedure));
        }

        var placeholder = !procedures.Contains(procedure);
        if (placeholder)
        {
            row.Warn(IssueKind.UnknownProcedure, Messages.UnknownProcedure(procedure));
        }

        var phone = row.GetOrNull("dien_thoai");
        return new LegacyDossier(
            row.Line,
            row.Key,
            procedure,
            placeholder,
            row.GetOrNull("ma_don_vi"),
            row.Get("nguoi_nop"),
            row.GetOrNull("so_giay_to"),
            BirthDate(row),
            row.GetOrNull("dia_chi"),
            phone,
            VietnameseFormats.NormalizePhone(phone),
            row.GetOrNull("email"),
            Channel(row),
            submitted,
            row.OptionalTimestamp("ngay_hen_tra"),
            row.OptionalTimestamp("ngay_hoan_thanh"),
            row.OptionalTimestamp("ngay_tra_ket_qua"),
            (LegacyDossierStatus)statusCode,
            row.GetOrNull("can_bo_xu_ly"),
            row.GetOrNull("ghi_chu"));
    }

    private static DateOnly? BirthDate(RowContext row)
    {
        var text = row.Get("ngay_sinh");
        if (text.Length == 0)
        {
            return null;
        }

        if (LegacyValues.TryDate(text, out var date))
        {
            return date;
        }

        if (LegacyValues.TryTimestamp(text, out var at))
        {
            return DateOnly.FromDateTime(at.DateTime);
        }

        row.Warn(IssueKind.BadOptionalDate, Messages.BadOptionalDate("ngay_sinh", text));
        return null;
    }

    private static LegacyChannel Channel(RowContext row)
    {
        var text = row.Get("kenh_nop");
        if (text.Length == 0)
        {
            return LegacyChannel.Unknown;
        }

        if (text is "1" or "2" or "3")
        {
            return (LegacyChannel)(text[0] - '0');
        }

        row.Warn(IssueKind.BadValue, Messages.BadOptionalValue("kenh_nop", text));
        return LegacyChannel.Unknown;
    }
}

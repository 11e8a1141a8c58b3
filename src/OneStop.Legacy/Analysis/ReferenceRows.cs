using OneStop.Core.Common;
using OneStop.Legacy.Csv;
using OneStop.Legacy.Records;
using OneStop.Legacy.Reporting;

namespace OneStop.Legacy.Analysis;

/// <summary>Maps the rows of the small reference tables (don_vi, linh_vuc, thu_tuc, can_bo).</summary>
internal static class ReferenceRows
{
    public static LegacyAgency? Agency(RowContext row, KeyIndex keys)
    {
        if (keys.IsSuperseded(row, "ma_don_vi"))
        {
            return null;
        }

        var cap = row.Get("cap");
        var level = cap.ToUpperInvariant() switch
        {
            "TINH" => AgencyLevel.Province,
            "HUYEN" => AgencyLevel.District,
            "XA" => AgencyLevel.Commune,
            _ => AgencyLevel.Unknown,
        };
        if (level == AgencyLevel.Unknown && cap.Length > 0)
        {
            row.Warn(IssueKind.BadValue, Messages.BadOptionalValue("cap", cap));
        }

        return new LegacyAgency(row.Line, row.Key, row.Get("ten_don_vi"), row.GetOrNull("ma_don_vi_cha"), level);
    }

    public static LegacyField? Field(RowContext row, KeyIndex keys) =>
        keys.IsSuperseded(row, "ma_linh_vuc") ? null : new LegacyField(row.Line, row.Key, row.Get("ten_linh_vuc"));

    public static LegacyProcedure? Procedure(RowContext row, KeyIndex keys)
    {
        if (keys.IsSuperseded(row, "ma_thu_tuc"))
        {
            return null;
        }

        int? days = OptionalInt(row, "so_ngay_giai_quyet");
        int? level = OptionalInt(row, "muc_do");
        decimal? fee = null;
        var feeText = row.Get("le_phi");
        if (feeText.Length > 0)
        {
            if (LegacyValues.TryMoney(feeText, out var amount))
            {
                fee = amount;
            }
            else
            {
                row.Warn(IssueKind.BadValue, Messages.BadOptionalValue("le_phi", feeText));
            }
        }

        return new LegacyProcedure(
            row.Line, row.Key, row.Get("ten_thu_tuc"), row.GetOrNull("ma_linh_vuc"), row.GetOrNull("ma_don_vi"), days, fee, level, IsPlaceholder: false);
    }

    public static LegacyOfficial? Official(RowContext row, KeyIndex keys)
    {
        if (keys.IsSuperseded(row, "ten_dang_nhap"))
        {
            return null;
        }

        var status = row.Get("trang_thai");
        if (status is not ("1" or "0" or ""))
        {
            row.Warn(IssueKind.BadValue, Messages.BadOptionalValue("trang_thai", status));
        }

        var phone = row.GetOrNull("dien_thoai");
        return new LegacyOfficial(
            row.Line,
            row.Key,
            row.Get("ho_ten"),
            row.GetOrNull("ma_don_vi"),
            row.GetOrNull("chuc_vu"),
            row.GetOrNull("email"),
            phone,
            VietnameseFormats.NormalizePhone(phone),
            IsActive: status == "1");
    }

    public static int? OptionalInt(RowContext row, string column)
    {
        var text = row.Get(column);
        if (text.Length == 0)
        {
            return null;
        }

        if (LegacyValues.TryInt(text, out var value))
        {
            return value;
        }

        row.Warn(IssueKind.BadValue, Messages.BadOptionalValue(column, text));
        return null;
    }
}

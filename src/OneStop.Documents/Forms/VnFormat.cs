using System.Globalization;
using OneStop.Core.Common;

namespace OneStop.Documents.Forms;

/// <summary>Vietnamese date and time wording per Decree 30/2020, always in Vietnam time (UTC+7).</summary>
public static class VnFormat
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static DateTimeOffset ToVietnamTime(DateTimeOffset value) => VietnamTime.ToLocal(value);

    /// <summary>"ngày 05 tháng 02 năm 2026": days below 10 and months 1–2 get a leading zero.</summary>
    public static string Date(DateTimeOffset value)
    {
        var t = ToVietnamTime(value);
        return Date(DateOnly.FromDateTime(t.DateTime));
    }

    public static string Date(DateOnly d)
    {
        var month = d.Month <= 2 ? d.Month.ToString("00", Inv) : d.Month.ToString(Inv);
        return $"ngày {d.Day.ToString("00", Inv)} tháng {month} năm {d.Year.ToString(Inv)}";
    }

    /// <summary>"Lạng Sơn, ngày 05 tháng 12 năm 2026".</summary>
    public static string PlaceAndDate(string place, DateTimeOffset value) => $"{place}, {Date(value)}";

    /// <summary>"14 giờ 30 phút, ngày 05 tháng 12 năm 2026".</summary>
    public static string TimeAndDate(DateTimeOffset value)
    {
        var t = ToVietnamTime(value);
        return $"{t.Hour.ToString("00", Inv)} giờ {t.Minute.ToString("00", Inv)} phút, {Date(value)}";
    }

    /// <summary>"05/12/2026".</summary>
    public static string Short(DateTimeOffset value) => ToVietnamTime(value).ToString("dd/MM/yyyy", Inv);

    public static string Short(DateOnly value) => value.ToString("dd/MM/yyyy", Inv);

    /// <summary>"14:30 05/12/2026".</summary>
    public static string ShortWithTime(DateTimeOffset value) => ToVietnamTime(value).ToString("HH:mm dd/MM/yyyy", Inv);

    public static string Number(int value) => value.ToString(Inv);
}

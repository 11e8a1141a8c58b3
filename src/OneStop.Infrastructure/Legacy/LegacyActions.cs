namespace OneStop.Infrastructure.Legacy;

/// <summary>How the old system's action codes (hanh_dong) read on a timeline.</summary>
public static class LegacyActions
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["TIEP_NHAN"] = "Tiếp nhận",
        ["CHUYEN_XU_LY"] = "Chuyển xử lý",
        ["THAM_DINH"] = "Thẩm định",
        ["TRINH_KY"] = "Trình ký",
        ["KY_DUYET"] = "Ký duyệt",
        ["TRA_KET_QUA"] = "Trả kết quả",
        ["YEU_CAU_BO_SUNG"] = "Yêu cầu bổ sung",
        ["TU_CHOI"] = "Từ chối",
    };

    /// <summary>"Thẩm định (hệ thống cũ)", or the code itself when unknown.</summary>
    public static string Label(string action) => (Labels.TryGetValue(action, out var label) ? label : action) + " (hệ thống cũ)";
}

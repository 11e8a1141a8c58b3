namespace OneStop.Legacy.Tests.Generator;

/// <summary>The fixed agencies, fields, procedures and names that generated bundles use (modelled on the Lạng Sơn samples).</summary>
public static class ReferenceData
{
    public static readonly IReadOnlyList<string[]> Agencies =
    [
        ["UBND-T", "Ủy ban nhân dân tỉnh Lạng Sơn", "", "tinh"],
        ["SGTVT", "Sở Giao thông vận tải", "UBND-T", "tinh"],
        ["SXD", "Sở Xây dựng", "UBND-T", "tinh"],
        ["STP", "Sở Tư pháp", "UBND-T", "tinh"],
        ["STNMT", "Sở Tài nguyên và Môi trường", "UBND-T", "tinh"],
        ["UBND-BS", "Ủy ban nhân dân huyện Bắc Sơn", "UBND-T", "huyen"],
        ["UBND-VT", "Ủy ban nhân dân xã Vũ Lễ", "UBND-BS", "xa"],
        ["UBND-HL", "Ủy ban nhân dân xã Hưng Vũ", "UBND-BS", "xa"],
    ];

    public static readonly IReadOnlyList<string[]> Fields =
    [
        ["DB", "Đường bộ"], ["XD", "Hoạt động xây dựng"], ["LLTP", "Lý lịch tư pháp"], ["CT", "Chứng thực"], ["HT", "Hộ tịch"], ["DD", "Đất đai"],
    ];

    /// <summary>ma_thu_tuc, ten_thu_tuc, ma_linh_vuc, ma_don_vi, so_ngay_giai_quyet, le_phi, muc_do.</summary>
    public static readonly IReadOnlyList<string[]> Procedures =
    [
        ["1.002804", "Cấp mới giấy phép lái xe", "DB", "SGTVT", "10", "135000", "3"],
        ["1.009994", "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ", "XD", "UBND-BS", "15", "75000", "3"],
        ["2.000488", "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam", "LLTP", "STP", "10", "200000", "4"],
        ["2.000815", "Chứng thực bản sao từ bản chính giấy tờ, văn bản", "CT", "UBND-VT", "1", "2000", "3"],
        ["1.001193", "Đăng ký khai sinh", "HT", "UBND-HL", "1", "0", "4"],
        ["1.004227", "Đăng ký biến động quyền sử dụng đất", "DD", "STNMT", "10", "50000", "3"],
    ];

    public static readonly IReadOnlyList<string> FamilyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bế", "Nông", "Lương", "Triệu", "Hứa"];

    public static readonly IReadOnlyList<string> MiddleNames = ["Văn", "Thị", "Đức", "Minh", "Thu", "Ngọc", "Hữu", "Xuân", "Mạnh"];

    public static readonly IReadOnlyList<string> GivenNames = ["Quyết", "Hiếu", "Ỷ", "Mai", "Thảo", "Hưng", "Tiến", "Ánh", "Đức", "Yến", "Thủy", "Ổn"];

    public static readonly IReadOnlyList<string> Streets = ["Hùng Vương", "Tam Thanh", "Nhị Thanh", "Bà Triệu", "Trần Đăng Ninh", "Lý Thái Tổ"];

    public static readonly IReadOnlyList<string> Actions = ["TIEP_NHAN", "CHUYEN_XU_LY", "THAM_DINH", "TRINH_KY", "KY_DUYET", "TRA_KET_QUA"];

    public static readonly IReadOnlyList<string> Documents = ["Đơn đề nghị (theo mẫu)", "Tờ khai đăng ký", "Ảnh chân dung 3x4", "Giấy ủy quyền (nếu có)"];

    /// <summary>Three officials per agency: ten_dang_nhap, ho_ten, ma_don_vi, chuc_vu, email, dien_thoai, trang_thai.</summary>
    public static IEnumerable<string[]> Officials()
    {
        string[] positions = ["Chuyên viên", "Cán bộ một cửa", "Trưởng phòng"];
        var n = 0;
        foreach (var agency in Agencies)
        {
            for (var i = 1; i <= 3; i++, n++)
            {
                var user = LegacyText.Format($"{agency[0].ToLowerInvariant().Replace("-", string.Empty, StringComparison.Ordinal)}.cb{i}");
                yield return
                [
                    user, LegacyText.Format($"{FamilyNames[n % FamilyNames.Count]} {MiddleNames[n % MiddleNames.Count]} {GivenNames[n % GivenNames.Count]}"),
                    agency[0], positions[i - 1], user + "@langson.gov.vn", LegacyText.Format($"020538{n:D5}"), i == 3 && n % 2 == 0 ? "0" : "1",
                ];
            }
        }
    }

    public static string OfficialOf(string agency, int index) =>
        LegacyText.Format($"{agency.ToLowerInvariant().Replace("-", string.Empty, StringComparison.Ordinal)}.cb{index % 3 + 1}");
}

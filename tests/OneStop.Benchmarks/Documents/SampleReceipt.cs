using OneStop.Documents.Models;

namespace OneStop.Benchmarks.Documents;

/// <summary>A realistic receipt for a construction permit handed in at a provincial one-stop counter.</summary>
internal static class SampleReceipt
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);

    public static ReceiptModel Create(int sequence = 42) => new()
    {
        Header = new DocumentHeader(
            "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN",
            "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG",
            "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ",
            $"{sequence}/GTN-TTPVHCC",
            "Lạng Sơn",
            new DateTimeOffset(2026, 12, 7, 9, 42, 0, Vn),
            "Trung tâm Phục vụ hành chính công tỉnh Lạng Sơn"),
        DossierCode = $"H37.15-261207-{sequence:0000}",
        CopyLabel = "Liên 2: Giao người nộp hồ sơ",
        ReceivingOffice = "Bộ phận Tiếp nhận và Trả kết quả – Trung tâm Phục vụ hành chính công tỉnh Lạng Sơn (quầy số 7, Sở Xây dựng)",
        Applicant = new Applicant(
            "Hoàng Thị Thu Hường",
            "020186004512",
            "Số nhà 27, ngõ 3, đường Bà Triệu, khối 9, phường Lương Văn Tri, tỉnh Lạng Sơn",
            "0915 286 431",
            "thuhuong.hoang@example.vn"),
        ProcedureName = "Cấp giấy phép xây dựng mới đối với công trình nhà ở riêng lẻ (mã thủ tục 1.009994)",
        Documents =
        [
            new("Đơn đề nghị cấp giấy phép xây dựng (Mẫu số 01, Phụ lục II Nghị định số 175/2024/NĐ-CP)", "Bản chính", 1),
            new("Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất", "Bản sao có chứng thực", 1),
            new("Bản vẽ mặt bằng công trình trên lô đất kèm sơ đồ vị trí công trình", "Bản chính", 2),
            new("Bản vẽ mặt bằng các tầng, mặt đứng và mặt cắt chính của công trình", "Bản chính", 2),
            new("Bản vẽ mặt bằng móng và mặt cắt móng; sơ đồ đấu nối hạ tầng kỹ thuật", "Bản chính", 2),
            new("Bản cam kết bảo đảm an toàn đối với công trình liền kề", "Bản chính", 1),
            new("Căn cước công dân của người đề nghị", "Bản chụp", 1),
        ],
        SetCount = 1,
        ProcessingDays = 15,
        ReceivedAt = new DateTimeOffset(2026, 12, 7, 9, 42, 0, Vn),
        DueAt = new DateTimeOffset(2026, 12, 28, 9, 42, 0, Vn),
        ResultDelivery = "Bộ phận Tiếp nhận và Trả kết quả (nhận trực tiếp)",
        RegisterBook = "04",
        RegisterNumber = (1800 + sequence).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ReceivingOfficial = "Nông Văn Thắng",
        TrackingKey = "4KQ-7PX",
        Verification = new Verification($"https://onestop.langson.gov.vn/verify/5c1e8a{sequence:x4}", "R4T8M-2QW7N"),
    };
}

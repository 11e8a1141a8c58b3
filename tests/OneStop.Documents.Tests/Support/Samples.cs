using System.Text;
using OneStop.Documents.Models;
using OneStop.Documents.Templates;

namespace OneStop.Documents.Tests.Support;

/// <summary>Builders for realistic, deliberately long Vietnamese test data.</summary>
public static class Samples
{
    public static readonly TimeSpan Vn = TimeSpan.FromHours(7);

    // Given in decomposed form (NFD) on purpose: the PDF must still carry NFC text.
    public static readonly string LongName = "Tôn Nữ Hoàng Phương Thảo Nguyễn Trần Ngọc Diệp Khánh Linh".Normalize(NormalizationForm.FormD);

    public const string LongAddress =
        "Số nhà 128, ngõ 45 ngách 17, đường Trần Đăng Ninh, khối Hoàng Văn Thụ 10, phường Lương Văn Tri, tỉnh Lạng Sơn, " +
        "gần chợ Giếng Vuông và Trường Trung học phổ thông chuyên Chu Văn An";

    public const string Procedure = "Cấp giấy phép xây dựng mới đối với công trình nhà ở riêng lẻ (mã thủ tục 1.009994)";

    public static readonly Applicant GiantApplicant = new(
        "Công ty Trách nhiệm hữu hạn Một thành viên Thương mại, Dịch vụ, Xây dựng và Phát triển Nông nghiệp Công nghệ cao " +
        "Hoàng Long Lạng Sơn – Chi nhánh Đồng Đăng thuộc Tổng công ty Đầu tư Phát triển Hạ tầng Kinh tế Cửa khẩu Việt Nam",
        "0201900012340000",
        string.Join(", ", Enumerable.Repeat(LongAddress, 3)),
        "0912 345 678 – 0205 3812 345",
        "phong.hanhchinh.tonghop@hoanglong-langson.example.vn");

    public static DocumentHeader Header(string? unit = null, string? reference = "125/GTN-BPMC") => new(
        "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN",
        "SỞ XÂY DỰNG",
        unit,
        reference,
        "Lạng Sơn",
        new DateTimeOffset(2026, 12, 5, 9, 15, 0, Vn),
        "Sở Xây dựng");

    public static Applicant Applicant() =>
        new(LongName, "020190001234", LongAddress, "0912 345 678", "thao.nguyen@example.vn");

    public static Verification Verification(string id = "3f2a9c1e") =>
        new($"https://onestop.langson.gov.vn/verify/{id}", "K7M2Q-9XH4T");

    public static ReceiptModel Receipt(int documentCount = 6) => new()
    {
        Header = Header("BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ"),
        DossierCode = "H37.15-261205-0042",
        CopyLabel = "Liên 2: Giao người nộp hồ sơ",
        ReceivingOffice = "Bộ phận Tiếp nhận và Trả kết quả – Trung tâm Phục vụ hành chính công tỉnh Lạng Sơn",
        Applicant = Applicant(),
        ProcedureName = Procedure,
        Documents = Enumerable.Range(1, documentCount).Select(i => new ReceivedDocument(
            i == 1 ? "Đơn đề nghị cấp giấy phép xây dựng theo Mẫu số 01 Phụ lục II Nghị định 175/2024/NĐ-CP" : $"Bản vẽ thiết kế xây dựng số {i} (mặt bằng, mặt cắt, mặt đứng điển hình)",
            i % 2 == 0 ? "Bản sao có chứng thực" : "Bản chính",
            i)).ToList(),
        SetCount = 1,
        ProcessingDays = 15,
        ReceivedAt = new DateTimeOffset(2026, 12, 5, 9, 15, 0, Vn),
        DueAt = new DateTimeOffset(2026, 12, 28, 16, 30, 0, Vn),
        ResultDelivery = "Bộ phận Một cửa (nhận trực tiếp)",
        RegisterBook = "03",
        RegisterNumber = "1842",
        ReceivingOfficial = "Lường Văn Đức",
        TrackingKey = "7QX-42M",
        Verification = Verification(),
    };

    public static SupplementRequestModel Supplement() => new()
    {
        Header = Header("BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ", "126/YCBS-BPMC"),
        DossierCode = "H37.15-261205-0042",
        Applicant = Applicant(),
        ProcedureName = Procedure,
        ReceivedAt = new DateTimeOffset(2026, 12, 5, 9, 15, 0, Vn),
        Items =
        [
            new("Bản sao Giấy chứng nhận quyền sử dụng đất có chứng thực", "Bản nộp là bản chụp, không có chứng thực"),
            new("Bản vẽ mặt cắt móng công trình", "Thiếu chữ ký của chủ nhiệm thiết kế"),
        ],
        Official = "Hoàng Thị Quỳnh Anh",
        OfficialPhone = "0205 3812 345",
        OfficialEmail = "motcua.sxd@langson.gov.vn",
        Verification = Verification(),
    };

    public static RejectionModel Rejection() => new()
    {
        Header = Header(null, "127/TB-SXD"),
        DossierCode = "H37.15-261205-0042",
        Applicant = Applicant(),
        ProcedureName = Procedure,
        ReceivedAt = new DateTimeOffset(2026, 12, 5, 9, 15, 0, Vn),
        Reason = "Vị trí xây dựng thuộc hành lang bảo vệ an toàn công trình giao thông đường bộ của Quốc lộ 1A, không phù hợp với quy hoạch chi tiết tỷ lệ 1/500 đã được phê duyệt.",
        LegalBasis = "Điểm a khoản 1 Điều 93 Luật Xây dựng năm 2014 (sửa đổi, bổ sung năm 2020).",
        SignerTitle = "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC",
        SignerName = "Vi Văn Thắng",
        Verification = Verification(),
    };

    public static ApologyModel Apology() => new()
    {
        Header = Header(null, "128/CV-SXD"),
        DossierCode = "H37.15-261205-0042",
        Applicant = Applicant(),
        ProcedureName = Procedure,
        ReceivedAt = new DateTimeOffset(2026, 12, 5, 9, 15, 0, Vn),
        OriginalDueAt = new DateTimeOffset(2026, 12, 28, 16, 30, 0, Vn),
        Reason = "Cần lấy thêm ý kiến của Sở Giao thông vận tải về hành lang an toàn đường bộ",
        NewDueAt = new DateTimeOffset(2027, 1, 8, 16, 0, 0, Vn),
        SignerTitle = "GIÁM ĐỐC",
        SignerName = "Hoàng Văn Minh",
        Verification = Verification(),
    };

    public static StopProcessingModel StopProcessing(bool atRequest = false) => new()
    {
        Header = Header(null, "129/TB-SXD"),
        DossierCode = "H37.15-261205-0042",
        Applicant = Applicant(),
        ProcedureName = Procedure,
        ReceivedAt = new DateTimeOffset(2026, 12, 5, 9, 15, 0, Vn),
        StoppedAt = new DateTimeOffset(2026, 12, 14, 10, 30, 0, Vn),
        AtApplicantRequest = atRequest,
        Reason = atRequest
            ? "Người nộp hồ sơ đề nghị dừng giải quyết để điều chỉnh thiết kế công trình"
            : "Quá thời hạn bổ sung, hoàn thiện hồ sơ theo Phiếu yêu cầu số 126/YCBS-BPMC mà người nộp hồ sơ không bổ sung",
        LegalBasis = atRequest ? null : "Khoản 3 Điều 18 Nghị định số 118/2025/NĐ-CP ngày 09 tháng 6 năm 2025 của Chính phủ.",
        Handling = "Trả lại bản chính các giấy tờ đã nộp; lệ phí đã nộp được hoàn trả theo quy định.",
        SignerTitle = "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC",
        SignerName = "Vi Văn Thắng",
        Verification = Verification(),
    };

    public static WithdrawalConfirmationModel Withdrawal(int returned = 2) => new()
    {
        Header = Header("BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ", "130/XNRHS-BPMC"),
        DossierCode = "H37.15-261205-0042",
        Applicant = Applicant(),
        ProcedureName = Procedure,
        ReceivedAt = new DateTimeOffset(2026, 12, 5, 9, 15, 0, Vn),
        RequestedAt = new DateTimeOffset(2026, 12, 9, 14, 5, 0, Vn),
        Channel = "Trực tuyến trên Cổng dịch vụ công của tỉnh",
        Reason = "Gia đình thay đổi phương án xây dựng, sẽ nộp lại hồ sơ sau",
        ReturnedDocuments = [.. Enumerable.Range(1, returned).Select(i => $"Bản vẽ thiết kế xây dựng số {i} (bản chính)")],
        Official = "Lường Văn Đức",
        Verification = Verification(),
    };

    public static ControlSlipModel ControlSlip(int steps = 5) => new()
    {
        Header = Header("BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ", null),
        DossierCode = "H37.15-261205-0042",
        ReceiptReference = "125/GTN-BPMC",
        Applicant = Applicant(),
        ProcedureName = Procedure,
        LeadUnit = "Phòng Quản lý xây dựng – Sở Xây dựng",
        CoordinatingUnits = ["Sở Giao thông vận tải", "Ủy ban nhân dân phường Lương Văn Tri"],
        Steps = Enumerable.Range(1, steps).Select(i => new ControlSlipStep(
            $"Bước {i}: {(i % 3 == 0 ? "Thẩm định hồ sơ" : i % 3 == 1 ? "Chuyển hồ sơ" : "Trình ký")}",
            $"Cán bộ Nguyễn Văn Bình {i}",
            i == 1 ? "Bộ phận Tiếp nhận và Trả kết quả" : "Phòng Quản lý xây dựng",
            $"Chuyên viên Đặng Thị Hồng Nhung {i}",
            i % 2 == 0 ? "Lãnh đạo Sở" : "Phòng Quản lý xây dựng",
            new DateTimeOffset(2026, 12, 5, 9, 30, 0, Vn).AddHours(i * 3),
            new DateTimeOffset(2026, 12, 6, 17, 0, 0, Vn).AddHours(i * 3),
            (StepOutcome)(1 + (i % 3)),
            i % 4 == 0 ? "Chuyển lấy ý kiến phối hợp" : null)).ToList(),
        DueAt = new DateTimeOffset(2026, 12, 28, 16, 30, 0, Vn),
        CompletedAt = new DateTimeOffset(2026, 12, 24, 10, 0, 0, Vn),
        OverallOutcome = StepOutcome.Early,
        Verification = Verification(),
    };

    public static RegisterModel Register(int rows = 12) => new()
    {
        Header = Header("BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ", null),
        From = new DateOnly(2026, 12, 1),
        To = new DateOnly(2026, 12, 31),
        BookNumber = "03",
        Entries = Enumerable.Range(1, rows).Select(i => new RegisterEntry
        {
            Number = i,
            DossierCode = $"H37.15-2612{i % 28 + 1:00}-{i:0000}",
            ProcedureName = i % 2 == 0 ? Procedure : "Cấp bản sao trích lục hộ tịch",
            SetCount = 1,
            ApplicantName = i == 1 ? LongName : $"Hoàng Văn Lâm {i}",
            ApplicantAddressAndPhone = i == 1 ? LongAddress : $"Phường Kỳ Lừa, tỉnh Lạng Sơn; 0912 000 {i:000}",
            LeadAgency = "Phòng Quản lý xây dựng",
            ReceivedAt = new DateTimeOffset(2026, 12, 1, 8, 0, 0, Vn).AddHours(i),
            DueAt = new DateTimeOffset(2026, 12, 20, 16, 0, 0, Vn).AddHours(i),
            TransferredAt = new DateTimeOffset(2026, 12, 1, 14, 0, 0, Vn).AddHours(i),
            ResultAt = i % 3 == 0 ? null : new DateTimeOffset(2026, 12, 15, 10, 0, 0, Vn),
            ReturnedAt = i % 3 == 0 ? null : new DateTimeOffset(2026, 12, 16, 9, 0, 0, Vn),
            Note = i % 5 == 0 ? "Yêu cầu bổ sung lần 1" : null,
        }).ToList(),
        Verification = Verification(),
    };

    public const string TemplateJson = """
        {
          // Editable by administrators; placeholders come from the dossier's form data.
          "title": "GIẤY PHÉP XÂY DỰNG",
          "subtitle": "(Sử dụng cho nhà ở riêng lẻ – số {{reference}})",
          "grounds": [
            "Căn cứ Luật Xây dựng ngày 18 tháng 6 năm 2014; Luật sửa đổi, bổ sung một số điều của Luật Xây dựng ngày 17 tháng 6 năm 2020;",
            "Xét đơn đề nghị cấp giấy phép xây dựng của {{applicantName}}, mã hồ sơ {{dossierCode}}."
          ],
          "paragraphs": ["1. Cấp cho: {{applicantName}}, số định danh cá nhân {{applicantIdNumber}}.", "Được phép xây dựng công trình với các nội dung sau:"],
          "fields": [
            { "label": "Tên công trình", "value": "{{projectName}}" },
            { "label": "Địa điểm xây dựng", "value": "{{siteAddress}}" },
            { "label": "Diện tích xây dựng", "value": "{{area}} m²" },
            { "label": "Số tầng", "value": "{{floors}}" }
          ],
          "closing": ["2. Giấy phép này có hiệu lực khởi công xây dựng trong thời hạn 12 tháng kể từ {{issuedDate}}."],
          "signerTitle": "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC",
          "recipients": ["- Chủ đầu tư;", "- UBND phường Lương Văn Tri;", "- Lưu: VT, QLXD."]
        }
        """;

    public static ResultDocumentModel Result(string? json = null) => new()
    {
        Header = Header(null, "312/GPXD"),
        Template = ResultTemplate.FromJson(json ?? TemplateJson),
        DossierCode = "H37.15-261205-0042",
        Applicant = Applicant(),
        FormData = new Dictionary<string, string>
        {
            ["projectName"] = "Nhà ở riêng lẻ ba tầng của hộ gia đình bà Nguyễn Thị Phương Thảo",
            ["siteAddress"] = LongAddress,
            ["area"] = "96,5",
            ["floors"] = "03 tầng và 01 tum thang",
        },
        SignerName = "Vi Văn Thắng",
        Verification = Verification(),
    };
}

using System.Text;
using OneStop.Documents.Forms;
using OneStop.Documents.Tests.Support;

namespace OneStop.Documents.Tests.Forms;

public class ReadBackTests
{
    private static readonly DocumentService Service = Renderer.Instance;

    [Fact]
    public void Receipt_every_field_is_extractable()
    {
        var m = Samples.Receipt();
        var doc = Service.RenderReceipt(m);
        var text = PdfReadBack.Text(doc.Content);
        CommonHeader(text, "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ", "125/GTN-BPMC");
        Renderer.AssertContains(text,
            ReceiptForm.Title, "Mã hồ sơ: H37.15-261205-0042", "Liên 2: Giao người nộp hồ sơ",
            m.ReceivingOffice, "Tiếp nhận hồ sơ của: " + m.Applicant.Name, m.Applicant.IdNumber, m.Applicant.Address,
            "0912 345 678", "thao.nguyen@example.vn", "Nội dung yêu cầu giải quyết: " + m.ProcedureName,
            "1. Thành phần hồ sơ nộp gồm:", m.Documents[0].Name, m.Documents[5].Name, "Bản sao có chứng thực",
            "2. Số lượng hồ sơ: 1 (bộ)", "3. Thời gian giải quyết hồ sơ theo quy định là: 15 ngày làm việc",
            "4. Thời gian nhận hồ sơ: 09 giờ 15 phút, ngày 05 tháng 12 năm 2026",
            "5. Thời gian trả kết quả giải quyết hồ sơ: 16 giờ 30 phút, ngày 28 tháng 12 năm 2026",
            "6. Đăng ký nhận kết quả tại: " + m.ResultDelivery,
            "Vào Sổ theo dõi hồ sơ, Quyển số: 03, Số thứ tự: 1842", "7QX-42M",
            "NGƯỜI NỘP HỒ SƠ", "NGƯỜI TIẾP NHẬN HỒ SƠ", "Lường Văn Đức");
        Verification(text);
        Assert.Equal(DocumentService.Hash(doc.Content), doc.Sha256);
        Assert.Equal(64, doc.Sha256.Length);
    }

    [Fact]
    public void Supplement_request_every_field_is_extractable()
    {
        var m = Samples.Supplement();
        var text = PdfReadBack.Text(Service.RenderSupplementRequest(m).Content);
        CommonHeader(text, "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ", "126/YCBS-BPMC");
        Renderer.AssertContains(text,
            SupplementRequestForm.Title, "Hồ sơ của: " + m.Applicant.Name, m.Applicant.Address, m.ProcedureName,
            m.Items[0].Content, m.Items[0].Reason, m.Items[1].Content, m.Items[1].Reason,
            "Hoàng Thị Quỳnh Anh, số điện thoại 0205 3812 345, thư điện tử motcua.sxd@langson.gov.vn",
            "NGƯỜI HƯỚNG DẪN");
        Verification(text);
    }

    [Fact]
    public void Rejection_every_field_is_extractable()
    {
        var m = Samples.Rejection();
        var text = PdfReadBack.Text(Service.RenderRejection(m).Content);
        CommonHeader(text, null, "127/TB-SXD");
        Renderer.AssertContains(text,
            RejectionForm.Title, "Sở Xây dựng tiếp nhận hồ sơ của: " + m.Applicant.Name, m.Applicant.Address, m.ProcedureName,
            m.Reason, "Căn cứ pháp lý: " + m.LegalBasis, "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Vi Văn Thắng", "Nơi nhận:");
        Verification(text);
    }

    [Fact]
    public void Apology_every_field_is_extractable()
    {
        var m = Samples.Apology();
        var text = PdfReadBack.Text(Service.RenderApology(m).Content);
        CommonHeader(text, null, "128/CV-SXD");
        Renderer.AssertContains(text,
            "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT", "Kính gửi: Ông/Bà " + m.Applicant.Name, m.ProcedureName,
            "Ngày 05/12/2026, Sở Xây dựng tiếp nhận", "16 giờ 30 phút, ngày 28 tháng 12 năm 2026",
            "Lý do: " + m.Reason, "16 giờ 00 phút, ngày 08 tháng 01 năm 2027", "xin lỗi Ông/Bà",
            "GIÁM ĐỐC", "Hoàng Văn Minh");
        Verification(text);
    }

    [Fact]
    public void Stop_processing_notice_every_field_is_extractable()
    {
        var m = Samples.StopProcessing();
        var text = PdfReadBack.Text(Service.RenderStopProcessing(m).Content);
        CommonHeader(text, null, "129/TB-SXD");
        Renderer.AssertContains(text,
            StopProcessingForm.Title, StopProcessingForm.Subtitle, "Mã hồ sơ: H37.15-261205-0042", "Kính gửi: Ông/Bà " + m.Applicant.Name,
            "Ngày 05/12/2026, Sở Xây dựng tiếp nhận hồ sơ của Ông/Bà, mã hồ sơ H37.15-261205-0042", m.ProcedureName,
            "Sở Xây dựng thông báo dừng giải quyết hồ sơ nêu trên kể từ 10 giờ 30 phút, ngày 14 tháng 12 năm 2026.",
            "Lý do: " + m.Reason, "Căn cứ pháp lý: " + m.LegalBasis, "được xử lý như sau: " + m.Handling,
            "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Vi Văn Thắng", "Nơi nhận:");
        Assert.DoesNotContain("Theo đề nghị của Ông/Bà", text, StringComparison.Ordinal);
        Renderer.AssertContains(PdfReadBack.Text(Service.RenderStopProcessing(Samples.StopProcessing(atRequest: true)).Content),
            "Theo đề nghị của Ông/Bà, Sở Xây dựng thông báo dừng giải quyết hồ sơ");
        Verification(text);
    }

    [Fact]
    public void Withdrawal_confirmation_every_field_is_extractable()
    {
        var m = Samples.Withdrawal();
        var doc = Service.RenderWithdrawalConfirmation(m);
        Assert.Equal(DocumentKind.WithdrawalConfirmation, doc.Kind);
        Assert.Equal("xac-nhan-rut-ho-so-H37.15-261205-0042.pdf", doc.FileName);
        var text = PdfReadBack.Text(doc.Content);
        CommonHeader(text, "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ", "130/XNRHS-BPMC");
        Renderer.AssertContains(text,
            WithdrawalConfirmationForm.Title, "Mã hồ sơ: H37.15-261205-0042", "Người nộp hồ sơ: " + m.Applicant.Name, m.ProcedureName,
            "Thời gian tiếp nhận hồ sơ: 09 giờ 15 phút, ngày 05 tháng 12 năm 2026",
            "Thời gian đề nghị rút hồ sơ: 14 giờ 05 phút, ngày 09 tháng 12 năm 2026", "Hình thức đề nghị: " + m.Channel,
            "Lý do rút hồ sơ: " + m.Reason, "Sở Xây dựng xác nhận Ông/Bà đã rút hồ sơ nêu trên.",
            "Giấy tờ đã trả lại cho người nộp hồ sơ:", m.ReturnedDocuments[1], "NGƯỜI XÁC NHẬN", "Lường Văn Đức");
        Verification(text);
    }

    [Fact]
    public void The_circular_numbers_every_statutory_form_once()
    {
        Assert.Equal(["01", "02", "03", "04", "05", "06", "07"], StatutoryForms.All.Select(e => e.Number).OfType<string>().Distinct());
        Assert.Equal("Mẫu số 05", StatutoryForms.FormNumber(DocumentKind.StopProcessing));
        Assert.Equal("Mẫu số 06", StatutoryForms.FormNumber(DocumentKind.ControlSlip));
        Assert.Null(StatutoryForms.FormNumber(DocumentKind.WithdrawalConfirmation));
        // The printed title of Mẫu số 04 is the circular's name in upper case, as the other forms' titles are.
        Assert.Equal(ApologyForm.Title,
            StatutoryForms.All.Single(e => e.Kind == DocumentKind.Apology).CircularName.ToUpper(System.Globalization.CultureInfo.GetCultureInfo("vi-VN")));
        Assert.All(Enum.GetValues<DocumentKind>(), k => Assert.Contains(StatutoryForms.All, e => e.Kind == k));
    }

    [Fact]
    public void Control_slip_every_field_is_extractable()
    {
        var m = Samples.ControlSlip();
        var text = PdfReadBack.Text(Service.RenderControlSlip(m).Content);
        CommonHeader(text, "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ", null);
        Renderer.AssertContains(text,
            ControlSlipForm.Title, "Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả số: 125/GTN-BPMC",
            "Người nộp hồ sơ: " + m.Applicant.Name, m.ProcedureName, m.LeadUnit,
            "Sở Giao thông vận tải; Ủy ban nhân dân phường Lương Văn Tri",
            "Bước 1: Chuyển hồ sơ", "Giao: Bộ phận Tiếp nhận và Trả kết quả – Cán bộ Nguyễn Văn Bình 1",
            "Nhận: Phòng Quản lý xây dựng – Chuyên viên Đặng Thị Hồng Nhung 1", "12:30 05/12/2026",
            "Đúng hạn", "Quá hạn", "Trước hạn", "Chuyển lấy ý kiến phối hợp",
            "Thời gian có kết quả: 10 giờ 00 phút, ngày 24 tháng 12 năm 2026", "Đánh giá: Trước hạn");
        Verification(text);
    }

    [Fact]
    public void Register_every_field_is_extractable()
    {
        var m = Samples.Register();
        var text = PdfReadBack.Text(Service.RenderRegister(m).Content);
        CommonHeader(text, "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ", null);
        var e = m.Entries[0];
        Renderer.AssertContains(text,
            "SỔ THEO DÕI HỒ SƠ", "Từ ngày 01/12/2026 đến ngày 31/12/2026", "Quyển số: 03",
            "Tên thủ tục hành chính", "Chuyển hồ sơ đến cơ quan giải quyết",
            e.DossierCode, e.ApplicantName, e.ApplicantAddressAndPhone, "09:00 01/12/2026",
            m.Entries[4].Note, "Tổng số hồ sơ: 12");
        Verification(text);
    }

    [Fact]
    public void Result_document_fills_every_placeholder()
    {
        var m = Samples.Result();
        var text = PdfReadBack.Text(Service.RenderResult(m).Content);
        CommonHeader(text, null, "312/GPXD");
        Renderer.AssertContains(text,
            "GIẤY PHÉP XÂY DỰNG", "(Sử dụng cho nhà ở riêng lẻ – số 312/GPXD)", "mã hồ sơ H37.15-261205-0042",
            "1. Cấp cho: " + m.Applicant.Name + ", số định danh cá nhân 020190001234.",
            "Tên công trình", m.FormData["projectName"], m.FormData["siteAddress"], "96,5 m²", "03 tầng và 01 tum thang",
            "kể từ ngày 05 tháng 12 năm 2026", "KT. GIÁM ĐỐC", "Vi Văn Thắng", "- Lưu: VT, QLXD.");
        Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
        Verification(text);
    }

    private static void CommonHeader(string text, string? unit, string? reference)
    {
        Renderer.AssertContains(text,
            "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN", "SỞ XÂY DỰNG", unit,
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
            "Lạng Sơn, ngày 05 tháng 12 năm 2026", reference is null ? null : "Số: " + reference);
        Assert.Equal(text.Normalize(NormalizationForm.FormC), text);
        Assert.DoesNotContain(text, c => c is >= '\u0300' and <= '\u036F');
    }

    private static void Verification(string text) =>
        Renderer.AssertContains(text, "https://onestop.langson.gov.vn/verify/3f2a9c1e", "Mã xác thực: K7M2Q-9XH4T");
}

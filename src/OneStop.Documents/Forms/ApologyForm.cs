using OneStop.Documents.Composition;
using OneStop.Documents.Models;

namespace OneStop.Documents.Forms;

// Mẫu số 04 (Circular 03/2025/TT-VPCP): Văn bản xin lỗi, with the new date for the result.
internal static class ApologyForm
{
    public const string Title = "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT";

    public static DocumentLayout Build(ApologyModel m)
    {
        var agency = m.Header.AgencyInText;
        var layout = FormParts.Layout(m.Header, Title, m.Verification, m.DossierCode);
        layout.Blocks.AddRange(FormParts.Title(Title, m.DossierCode));
        layout.Add(new Paragraph($"Kính gửi: Ông/Bà {m.Applicant.Name}", FormParts.Body, TextAlign.Center) { SpaceAfter = 10 });
        if (!string.IsNullOrWhiteSpace(m.Applicant.Address))
        {
            layout.Add(FormParts.Line("Địa chỉ", m.Applicant.Address));
        }

        layout.Add(FormParts.Text(
            $"Ngày {VnFormat.Short(m.ReceivedAt)}, {agency} tiếp nhận giải quyết hồ sơ của Ông/Bà, mã hồ sơ {m.DossierCode}, " +
            $"nội dung yêu cầu giải quyết: {m.ProcedureName}. Thời hạn trả kết quả giải quyết hồ sơ là {VnFormat.TimeAndDate(m.OriginalDueAt)}."));
        layout.Add(FormParts.Text(
            $"Tuy nhiên, đến nay {agency} chưa trả kết quả giải quyết hồ sơ cho Ông/Bà đúng thời hạn ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả."));
        layout.Add(FormParts.Labelled("Lý do", m.Reason));
        layout.Add(new Paragraph(
            new TextRun($"Sự chậm trễ này đã gây phiền hà, tốn kém thời gian, chi phí đi lại của Ông/Bà. {agency} xin lỗi Ông/Bà và sẽ trả kết quả giải quyết hồ sơ cho Ông/Bà vào ", FormParts.Body),
            new TextRun(VnFormat.TimeAndDate(m.NewDueAt), FormParts.Bold),
            new TextRun(".", FormParts.Body))
        {
            Align = TextAlign.Justify,
            FirstLineIndent = 28,
            SpaceAfter = 4,
        });
        layout.Add(FormParts.Text("Xin trân trọng cảm ơn./."));
        layout.Add(new SignatureBlock(
            [new Signatory(m.SignerTitle, m.SignerName, "(Ký, ghi rõ họ tên và đóng dấu)") { SlotKey = SignatureSlotKeys.Signer }],
            [FormParts.Recipients(["- Như trên;", "- Lưu: VT, hồ sơ."])]));
        layout.Add(FormParts.Verification(m.Verification));
        return layout;
    }
}

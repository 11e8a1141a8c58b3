using OneStop.Documents.Composition;
using OneStop.Documents.Models;

namespace OneStop.Documents.Forms;

// Mẫu số 05 (Circular 03/2025/TT-VPCP): Thông báo dừng giải quyết hồ sơ.
internal static class StopProcessingForm
{
    public const string Title = "THÔNG BÁO";
    public const string Subtitle = "Về việc dừng giải quyết hồ sơ";

    public static DocumentLayout Build(StopProcessingModel m)
    {
        var agency = m.Header.AgencyInText;
        var layout = FormParts.Layout(m.Header, $"{Title} {Subtitle.ToLowerInvariant()}", m.Verification, m.DossierCode);
        layout.Blocks.AddRange(FormParts.Title(Title, m.DossierCode, Subtitle));
        layout.Add(new Paragraph($"Kính gửi: Ông/Bà {m.Applicant.Name}", FormParts.Body, TextAlign.Center) { SpaceAfter = 10 });
        if (!string.IsNullOrWhiteSpace(m.Applicant.Address))
        {
            layout.Add(FormParts.Line("Địa chỉ", m.Applicant.Address));
        }

        layout.Add(FormParts.Text(
            $"Ngày {VnFormat.Short(m.ReceivedAt)}, {agency} tiếp nhận hồ sơ của Ông/Bà, mã hồ sơ {m.DossierCode}, nội dung yêu cầu giải quyết: {m.ProcedureName}."));
        layout.Add(new Paragraph(
            new TextRun($"{(m.AtApplicantRequest ? "Theo đề nghị của Ông/Bà, " : "")}{agency} thông báo dừng giải quyết hồ sơ nêu trên kể từ ", FormParts.Body),
            new TextRun(VnFormat.TimeAndDate(m.StoppedAt), FormParts.Bold),
            new TextRun(".", FormParts.Body))
        {
            Align = TextAlign.Justify,
            FirstLineIndent = 28,
            SpaceAfter = 4,
        });
        layout.Add(FormParts.Labelled("Lý do", m.Reason));
        if (!string.IsNullOrWhiteSpace(m.LegalBasis))
        {
            layout.Add(FormParts.Labelled("Căn cứ pháp lý", m.LegalBasis));
        }

        if (!string.IsNullOrWhiteSpace(m.Handling))
        {
            layout.Add(FormParts.Text("Hồ sơ, phí và lệ phí đã nộp (nếu có) được xử lý như sau: " + m.Handling));
        }

        layout.Add(FormParts.Text("Xin thông báo để Ông/Bà được biết./."));
        layout.Add(new SignatureBlock(
            [new Signatory(m.SignerTitle, m.SignerName, "(Ký, ghi rõ họ tên và đóng dấu)") { SlotKey = SignatureSlotKeys.Signer }],
            [FormParts.Recipients(["- Như trên;", "- Lưu: VT, hồ sơ."])]));
        layout.Add(FormParts.Verification(m.Verification));
        return layout;
    }
}

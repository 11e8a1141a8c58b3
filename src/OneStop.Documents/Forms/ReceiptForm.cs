using OneStop.Documents.Composition;
using OneStop.Documents.Models;

namespace OneStop.Documents.Forms;

// Mẫu số 01 (Circular 03/2025/TT-VPCP): Giấy tiếp nhận hồ sơ và hẹn trả kết quả.
internal static class ReceiptForm
{
    public const string Title = "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ";

    public static DocumentLayout Build(ReceiptModel m)
    {
        var layout = FormParts.Layout(m.Header, Title, m.Verification, m.DossierCode);
        layout.Blocks.AddRange(FormParts.Title(Title, m.DossierCode, m.CopyLabel));
        layout.Add(FormParts.Line("Cơ quan tiếp nhận hồ sơ", m.ReceivingOffice));
        layout.Blocks.AddRange(FormParts.ApplicantLines(m.Applicant, "Tiếp nhận hồ sơ của"));
        layout.Add(FormParts.Line("Nội dung yêu cầu giải quyết", m.ProcedureName));
        layout.Add(new Paragraph("1. Thành phần hồ sơ nộp gồm:", FormParts.Body) { SpaceBefore = 3, SpaceAfter = 0 });
        layout.Add(DocumentsTable(m.Documents));
        layout.Add(FormParts.Line("2. Số lượng hồ sơ", $"{VnFormat.Number(m.SetCount)} (bộ)"));
        layout.Add(FormParts.Line("3. Thời gian giải quyết hồ sơ theo quy định là", $"{VnFormat.Number(m.ProcessingDays)} ngày làm việc"));
        layout.Add(FormParts.Line("4. Thời gian nhận hồ sơ", VnFormat.TimeAndDate(m.ReceivedAt)));
        layout.Add(FormParts.Line("5. Thời gian trả kết quả giải quyết hồ sơ", VnFormat.TimeAndDate(m.DueAt), boldValue: true));
        layout.Add(FormParts.Line("6. Đăng ký nhận kết quả tại", m.ResultDelivery));
        layout.Add(new Paragraph(
            $"Vào Sổ theo dõi hồ sơ, Quyển số: {FormParts.Or(m.RegisterBook)}, Số thứ tự: {FormParts.Or(m.RegisterNumber)}",
            FormParts.Italic) { SpaceBefore = 3 });
        if (!string.IsNullOrWhiteSpace(m.TrackingKey))
        {
            layout.Add(new Paragraph(
                new TextRun("Mã tra cứu hồ sơ (dùng kèm mã hồ sơ để theo dõi không cần tài khoản): ", FormParts.Italic),
                new TextRun(m.TrackingKey, FormParts.Bold)));
        }

        layout.Add(new SignatureBlock([
            new Signatory("NGƯỜI NỘP HỒ SƠ", m.SubmitterName ?? m.Applicant.Name) { SlotKey = SignatureSlotKeys.Applicant },
            new Signatory("NGƯỜI TIẾP NHẬN HỒ SƠ", m.ReceivingOfficial) { SlotKey = SignatureSlotKeys.Signer },
        ]));
        layout.Add(FormParts.Verification(m.Verification));
        return layout;
    }

    private static TableBlock DocumentsTable(IReadOnlyList<ReceivedDocument> documents)
    {
        var table = new TableBlock([
            new TableColumn("STT", 7, TextAlign.Center),
            new TableColumn("Tên giấy tờ", 55),
            new TableColumn("Hình thức (bản chính, bản sao, bản chụp)", 24, TextAlign.Center),
            new TableColumn("Số lượng", 12, TextAlign.Center),
        ]);
        for (var i = 0; i < documents.Count; i++)
        {
            var d = documents[i];
            table.AddRow(VnFormat.Number(i + 1), d.Name, d.Form, VnFormat.Number(d.Quantity));
        }

        return table;
    }
}

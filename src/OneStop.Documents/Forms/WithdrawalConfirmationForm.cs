using OneStop.Documents.Composition;
using OneStop.Documents.Models;

namespace OneStop.Documents.Forms;

// Phiếu xác nhận rút hồ sơ: OneStop's own confirmation (Circular 03/2025/TT-VPCP has no form for it), laid out like the receipt.
internal static class WithdrawalConfirmationForm
{
    public const string Title = "PHIẾU XÁC NHẬN RÚT HỒ SƠ";

    public static DocumentLayout Build(WithdrawalConfirmationModel m)
    {
        var agency = m.Header.AgencyInText;
        var layout = FormParts.Layout(m.Header, Title, m.Verification, m.DossierCode);
        layout.Blocks.AddRange(FormParts.Title(Title, m.DossierCode));
        layout.Blocks.AddRange(FormParts.ApplicantLines(m.Applicant, "Người nộp hồ sơ"));
        layout.Add(FormParts.Line("Nội dung yêu cầu giải quyết", m.ProcedureName));
        if (m.ReceivedAt is { } received)
        {
            layout.Add(FormParts.Line("Thời gian tiếp nhận hồ sơ", VnFormat.TimeAndDate(received)));
        }

        layout.Add(FormParts.Line("Thời gian đề nghị rút hồ sơ", VnFormat.TimeAndDate(m.RequestedAt), boldValue: true));
        layout.Add(FormParts.Line("Hình thức đề nghị", m.Channel));
        layout.Add(FormParts.Line("Lý do rút hồ sơ", m.Reason));
        layout.Add(FormParts.Text(
            $"{agency} xác nhận Ông/Bà đã rút hồ sơ nêu trên. Hồ sơ được dừng giải quyết kể từ thời điểm đề nghị rút hồ sơ; " +
            "Ông/Bà có thể nộp lại hồ sơ khi có nhu cầu."));
        if (m.ReturnedDocuments.Count > 0)
        {
            layout.Add(new Paragraph("Giấy tờ đã trả lại cho người nộp hồ sơ:", FormParts.Body) { SpaceBefore = 3, SpaceAfter = 0 });
            var table = new TableBlock([new TableColumn("STT", 7, TextAlign.Center), new TableColumn("Tên giấy tờ", 93)]);
            for (var i = 0; i < m.ReturnedDocuments.Count; i++)
            {
                table.AddRow(VnFormat.Number(i + 1), m.ReturnedDocuments[i]);
            }

            layout.Add(table);
        }

        layout.Add(new SignatureBlock([new Signatory("NGƯỜI XÁC NHẬN", m.Official) { SlotKey = SignatureSlotKeys.Signer }]));
        layout.Add(FormParts.Verification(m.Verification));
        return layout;
    }
}

using OneStop.Documents.Composition;
using OneStop.Documents.Models;

namespace OneStop.Documents.Forms;

// Mẫu số 03 (Circular 03/2025/TT-VPCP): Phiếu từ chối tiếp nhận, giải quyết hồ sơ.
internal static class RejectionForm
{
    public const string Title = "PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ";

    public static DocumentLayout Build(RejectionModel m)
    {
        var layout = FormParts.Layout(m.Header, Title, m.Verification, m.DossierCode);
        layout.Blocks.AddRange(FormParts.Title(Title, m.DossierCode));
        layout.Blocks.AddRange(FormParts.ApplicantLines(m.Applicant, $"{m.Header.AgencyInText} tiếp nhận hồ sơ của"));
        layout.Add(FormParts.Line("Nội dung yêu cầu giải quyết", m.ProcedureName));
        if (m.ReceivedAt is { } received)
        {
            layout.Add(FormParts.Line("Thời gian tiếp nhận hồ sơ", VnFormat.TimeAndDate(received)));
        }

        layout.Add(FormParts.Text(
            $"Qua xem xét, {m.Header.AgencyInText} thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:"));
        layout.Add(FormParts.Text(m.Reason));
        if (!string.IsNullOrWhiteSpace(m.LegalBasis))
        {
            layout.Add(FormParts.Labelled("Căn cứ pháp lý", m.LegalBasis));
        }

        layout.Add(FormParts.Text("Xin thông báo cho Ông/Bà được biết và thực hiện./."));
        layout.Add(new SignatureBlock(
            [new Signatory(m.SignerTitle, m.SignerName) { SlotKey = SignatureSlotKeys.Signer }],
            [FormParts.Recipients(["- Như trên;", "- Lưu: VT, hồ sơ."])]));
        layout.Add(FormParts.Verification(m.Verification));
        return layout;
    }
}

using OneStop.Documents.Composition;
using OneStop.Documents.Models;

namespace OneStop.Documents.Forms;

// Mẫu số 02 (Circular 03/2025/TT-VPCP): Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ.
internal static class SupplementRequestForm
{
    public const string Title = "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ";

    public static DocumentLayout Build(SupplementRequestModel m)
    {
        var layout = FormParts.Layout(m.Header, Title, m.Verification, m.DossierCode);
        layout.Blocks.AddRange(FormParts.Title(Title, m.DossierCode));
        layout.Blocks.AddRange(FormParts.ApplicantLines(m.Applicant, "Hồ sơ của"));
        layout.Add(FormParts.Line("Nội dung yêu cầu giải quyết", m.ProcedureName));
        if (m.ReceivedAt is { } received)
        {
            layout.Add(FormParts.Line("Thời gian tiếp nhận hồ sơ", VnFormat.TimeAndDate(received)));
        }

        layout.Add(FormParts.Text(
            $"Sau khi kiểm tra, {m.Header.AgencyInText} đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:",
            indent: 0));
        var table = new TableBlock([
            new TableColumn("STT", 7, TextAlign.Center),
            new TableColumn("Nội dung cần bổ sung, hoàn thiện", 55),
            new TableColumn("Lý do", 38),
        ]);
        for (var i = 0; i < m.Items.Count; i++)
        {
            table.AddRow(VnFormat.Number(i + 1), m.Items[i].Content, m.Items[i].Reason);
        }

        layout.Add(table);
        var contact = $"Trong quá trình bổ sung, hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ với {m.Official}";
        if (!string.IsNullOrWhiteSpace(m.OfficialPhone))
        {
            contact += $", số điện thoại {m.OfficialPhone}";
        }

        if (!string.IsNullOrWhiteSpace(m.OfficialEmail))
        {
            contact += $", thư điện tử {m.OfficialEmail}";
        }

        layout.Add(FormParts.Text(contact + " để được hướng dẫn."));
        layout.Add(FormParts.Text("Thời gian bổ sung, hoàn thiện hồ sơ không tính vào thời hạn giải quyết thủ tục hành chính.", FormParts.Italic));
        layout.Add(new SignatureBlock([new Signatory("NGƯỜI HƯỚNG DẪN", m.Official) { SlotKey = SignatureSlotKeys.Signer }]));
        layout.Add(FormParts.Verification(m.Verification));
        return layout;
    }
}

using OneStop.Documents.Composition;
using OneStop.Documents.Models;

namespace OneStop.Documents.Forms;

// Mẫu số 06 (Circular 03/2025/TT-VPCP): Phiếu kiểm soát quá trình giải quyết hồ sơ: one row per hand-over, then the overall result.
internal static class ControlSlipForm
{
    public const string Title = "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ";

    public static DocumentLayout Build(ControlSlipModel m)
    {
        var layout = FormParts.Layout(m.Header, Title, m.Verification, m.DossierCode);
        var subtitle = string.IsNullOrWhiteSpace(m.ReceiptReference)
            ? null
            : $"(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả số: {m.ReceiptReference})";
        layout.Blocks.AddRange(FormParts.Title(Title, m.DossierCode, subtitle));
        layout.Add(FormParts.Line("Người nộp hồ sơ", m.Applicant.Name, boldValue: true));
        layout.Add(FormParts.Line("Nội dung yêu cầu giải quyết", m.ProcedureName));
        layout.Add(FormParts.Line("Cơ quan (bộ phận) giải quyết hồ sơ", m.LeadUnit));
        layout.Add(FormParts.Line("Cơ quan phối hợp giải quyết hồ sơ", m.CoordinatingUnits.Count == 0 ? "Không" : string.Join("; ", m.CoordinatingUnits)));
        layout.Add(FormParts.Line("Thời hạn trả kết quả", VnFormat.TimeAndDate(m.DueAt)));
        layout.Add(new Paragraph("I. QUÁ TRÌNH GIAO, NHẬN HỒ SƠ", FormParts.Bold) { SpaceBefore = 6, SpaceAfter = 0 });
        layout.Add(StepsTable(m.Steps));
        layout.Add(new Paragraph("II. KẾT QUẢ GIẢI QUYẾT HỒ SƠ", FormParts.Bold) { SpaceBefore = 6, SpaceAfter = 3 });
        layout.Add(FormParts.Line("Thời gian có kết quả", m.CompletedAt is { } done ? VnFormat.TimeAndDate(done) : "Đang giải quyết"));
        layout.Add(FormParts.Line("Đánh giá", OutcomeText(m.OverallOutcome), boldValue: true));
        layout.Add(FormParts.Verification(m.Verification));
        return layout;
    }

    public static string OutcomeText(StepOutcome outcome) => outcome switch
    {
        StepOutcome.Early => "Trước hạn",
        StepOutcome.OnTime => "Đúng hạn",
        StepOutcome.Late => "Quá hạn",
        _ => "Đang giải quyết",
    };

    private static TableBlock StepsTable(IReadOnlyList<ControlSlipStep> steps)
    {
        var table = new TableBlock([
            new TableColumn("STT", 6, TextAlign.Center),
            new TableColumn("Bước xử lý; cơ quan, người giao và nhận hồ sơ", 44),
            new TableColumn("Thời gian giao, nhận hồ sơ", 18, TextAlign.Center),
            new TableColumn("Hạn xử lý", 13, TextAlign.Center),
            new TableColumn("Kết quả (trước hạn/ đúng hạn/ quá hạn)", 13, TextAlign.Center),
            new TableColumn("Ghi chú", 10),
        ])
        {
            HeaderStyle = new TextStyle(11, Bold: true),
            BodyStyle = new TextStyle(11),
        };
        for (var i = 0; i < steps.Count; i++)
        {
            var s = steps[i];
            table.AddRow(
                VnFormat.Number(i + 1),
                new TableCell($"{s.StepName}\nGiao: {s.FromUnit} – {s.HandedOverBy}\nNhận: {s.ToUnit} – {s.ReceivedBy}"),
                VnFormat.ShortWithTime(s.HandedOverAt).Replace(' ', '\n'),
                s.DueAt is { } due ? VnFormat.ShortWithTime(due).Replace(' ', '\n') : "",
                OutcomeText(s.Outcome),
                s.Note ?? "");
        }

        return table;
    }
}

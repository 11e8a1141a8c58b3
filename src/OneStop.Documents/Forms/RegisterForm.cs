using OneStop.Documents.Composition;
using OneStop.Documents.Models;

namespace OneStop.Documents.Forms;

// Mẫu số 07 (Circular 03/2025/TT-VPCP): Sổ theo dõi hồ sơ: the register for a period, on A4 landscape.
internal static class RegisterForm
{
    public const string Title = "SỔ THEO DÕI HỒ SƠ";

    public static readonly string[] Headers =
    [
        "STT", "Mã hồ sơ", "Tên thủ tục hành chính", "Số lượng hồ sơ (bộ)", "Tên cá nhân, tổ chức",
        "Địa chỉ, số điện thoại", "Cơ quan chủ trì giải quyết", "Nhận hồ sơ", "Hẹn trả kết quả",
        "Chuyển hồ sơ đến cơ quan giải quyết", "Ngày có kết quả/ YC bổ sung", "Trả kết quả", "Ký nhận", "Ghi chú",
    ];

    // Widths in points for A4 landscape: a dossier code and a dd/MM/yyyy date must fit on one line at 9 pt.
    private static readonly double[] Weights = [24, 84, 104, 26, 62, 74, 50, 48, 48, 48, 48, 48, 24, 36];

    public static DocumentLayout Build(RegisterModel m)
    {
        var layout = FormParts.Layout(m.Header, Title, m.Verification, null, PageSettings.A4Landscape);
        var period = $"Từ ngày {VnFormat.Short(m.From)} đến ngày {VnFormat.Short(m.To)}";
        if (!string.IsNullOrWhiteSpace(m.BookNumber))
        {
            period += $" – Quyển số: {m.BookNumber}";
        }

        layout.Blocks.AddRange(FormParts.Title(Title, null, period));
        var columns = Headers.Select((h, i) => new TableColumn(h, Weights[i], i is 0 or 3 ? TextAlign.Center : TextAlign.Left)).ToList();
        var table = new TableBlock(columns)
        {
            HeaderStyle = new TextStyle(8.5, Bold: true),
            BodyStyle = new TextStyle(9),
            Padding = 2,
        };
        foreach (var e in m.Entries)
        {
            table.AddRow(Cells(e).Select(c => (TableCell)c).ToArray());
        }

        layout.Add(table);
        layout.Add(new Paragraph($"Tổng số hồ sơ: {VnFormat.Number(m.Entries.Count)}", FormParts.Italic) { SpaceBefore = 4 });
        layout.Add(FormParts.Verification(m.Verification));
        return layout;
    }

    // The row's values as printed (also the CSV export's columns).
    public static string[] Cells(RegisterEntry e) =>
    [
        VnFormat.Number(e.Number),
        e.DossierCode,
        e.ProcedureName,
        VnFormat.Number(e.SetCount),
        e.ApplicantName,
        e.ApplicantAddressAndPhone ?? "",
        e.LeadAgency ?? "",
        When(e.ReceivedAt),
        When(e.DueAt),
        When(e.TransferredAt),
        When(e.ResultAt),
        When(e.ReturnedAt),
        "",
        e.Note ?? "",
    ];

    private static string When(DateTimeOffset? value) =>
        value is { } v ? VnFormat.ShortWithTime(v).Replace(' ', '\n') : "";
}

using System.Net;
using System.Text;
using OneStop.Documents.Forms;
using OneStop.Documents.Models;
using QRCoder;

namespace OneStop.Benchmarks.Documents;

/// <summary>
/// The same receipt as HTML for Chromium to print: same A4 margins, Liberation Serif, header columns, documents table,
/// signatures, vector QR code and footer, so the reference does the same layout work a web-to-PDF system would.
/// </summary>
internal static class ReceiptHtml
{
    public static string Render(ReceiptModel m)
    {
        static string E(string? s) => WebUtility.HtmlEncode(string.IsNullOrWhiteSpace(s) ? "……………" : s);
        var h = m.Header;
        var sb = new StringBuilder(8192);
        sb.Append("""
            <!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Giấy tiếp nhận hồ sơ</title><style>
            @page { size: A4; margin: 20mm 15mm 20mm 30mm; }
            body { font-family: 'Liberation Serif', 'Times New Roman', serif; font-size: 13pt; line-height: 1.25; margin: 0; }
            .hdr { display: grid; grid-template-columns: 41fr 59fr; gap: 4pt; text-align: center; font-size: 12.5pt; }
            .hdr .b { font-weight: bold; } .motto { font-weight: bold; font-size: 13.5pt; text-decoration: underline; }
            .rule { width: 60pt; border-top: 0.5pt solid #000; margin: 3.5pt auto 0; }
            .date { font-style: italic; font-size: 13.5pt; }
            h1 { font-size: 14pt; text-align: center; margin: 18pt 0 2pt; }
            .c { text-align: center; margin: 0 0 2pt; } p { margin: 0 0 3pt; text-align: justify; }
            table.docs { width: 100%; border-collapse: collapse; margin: 2pt 0 4pt; }
            table.docs th, table.docs td { border: 0.5pt solid #000; padding: 2pt 3pt; vertical-align: top; }
            table.docs td.n { text-align: center; } thead { display: table-header-group; } tr { break-inside: avoid; }
            .sig { display: grid; grid-template-columns: 1fr 1fr; text-align: center; margin-top: 12pt; break-inside: avoid; }
            .sig .t { font-weight: bold; } .sig .s { font-style: italic; font-size: 12pt; } .sig .n { font-weight: bold; margin-top: 60pt; }
            .ver { display: grid; grid-template-columns: 22mm 120mm; gap: 8pt; margin-top: 10pt; font-size: 10.5pt; break-inside: avoid; }
            .ver svg { width: 22mm; height: 22mm; }
            </style></head><body>
            """);
        sb.Append("<div class=\"hdr\"><div>");
        if (!string.IsNullOrWhiteSpace(h.ParentAgencyName))
            sb.Append("<div>").Append(E(h.ParentAgencyName.ToUpperInvariant())).Append("</div>");
        sb.Append("<div>").Append(E(h.AgencyName.ToUpperInvariant())).Append("</div>");
        if (!string.IsNullOrWhiteSpace(h.UnitName))
            sb.Append("<div class=\"b\">").Append(E(h.UnitName.ToUpperInvariant())).Append("</div>");
        sb.Append("<div class=\"rule\"></div></div><div><div class=\"b\">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>")
            .Append("<div class=\"motto\">Độc lập - Tự do - Hạnh phúc</div></div>");
        sb.Append("<div style=\"margin-top:6pt\">Số: ").Append(E(h.Reference)).Append("</div><div class=\"date\" style=\"margin-top:6pt\">")
            .Append(E(VnFormat.PlaceAndDate(h.Place, h.IssuedAt))).Append("</div></div>");
        sb.Append("<h1>GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ</h1>");
        if (!string.IsNullOrWhiteSpace(m.CopyLabel))
            sb.Append("<p class=\"c\"><i>").Append(E(m.CopyLabel)).Append("</i></p>");
        sb.Append("<p class=\"c\">Mã hồ sơ: <b>").Append(E(m.DossierCode)).Append("</b></p><div style=\"height:8pt\"></div>");
        Line(sb, "Cơ quan tiếp nhận hồ sơ", E(m.ReceivingOffice));
        Line(sb, "Tiếp nhận hồ sơ của", $"<b>{E(m.Applicant.Name)}</b>");
        if (!string.IsNullOrWhiteSpace(m.Applicant.IdNumber))
            Line(sb, "Số định danh cá nhân/CCCD", E(m.Applicant.IdNumber));
        Line(sb, "Địa chỉ", E(m.Applicant.Address));
        Line(sb, "Số điện thoại", $"{E(m.Applicant.Phone)}; thư điện tử: {E(m.Applicant.Email)}");
        Line(sb, "Nội dung yêu cầu giải quyết", E(m.ProcedureName));
        sb.Append("<p style=\"margin-top:3pt;margin-bottom:0\">1. Thành phần hồ sơ nộp gồm:</p><table class=\"docs\"><thead><tr>")
            .Append("<th style=\"width:7%\">STT</th><th style=\"width:55%\">Tên giấy tờ</th>")
            .Append("<th style=\"width:24%\">Hình thức (bản chính, bản sao, bản chụp)</th><th style=\"width:12%\">Số lượng</th></tr></thead><tbody>");
        for (var i = 0; i < m.Documents.Count; i++)
        {
            var d = m.Documents[i];
            sb.Append("<tr><td class=\"n\">").Append(i + 1).Append("</td><td>").Append(E(d.Name)).Append("</td><td class=\"n\">")
                .Append(E(d.Form)).Append("</td><td class=\"n\">").Append(d.Quantity).Append("</td></tr>");
        }

        sb.Append("</tbody></table>");
        Line(sb, "2. Số lượng hồ sơ", $"{m.SetCount} (bộ)");
        Line(sb, "3. Thời gian giải quyết hồ sơ theo quy định là", $"{m.ProcessingDays} ngày làm việc");
        Line(sb, "4. Thời gian nhận hồ sơ", E(VnFormat.TimeAndDate(m.ReceivedAt)));
        Line(sb, "5. Thời gian trả kết quả giải quyết hồ sơ", $"<b>{E(VnFormat.TimeAndDate(m.DueAt))}</b>");
        Line(sb, "6. Đăng ký nhận kết quả tại", E(m.ResultDelivery));
        sb.Append("<p style=\"margin-top:3pt\"><i>Vào Sổ theo dõi hồ sơ, Quyển số: ").Append(E(m.RegisterBook)).Append(", Số thứ tự: ")
            .Append(E(m.RegisterNumber)).Append("</i></p>");
        if (!string.IsNullOrWhiteSpace(m.TrackingKey))
        {
            sb.Append("<p><i>Mã tra cứu hồ sơ (dùng kèm mã hồ sơ để theo dõi không cần tài khoản): </i><b>").Append(E(m.TrackingKey))
                .Append("</b></p>");
        }

        sb.Append("<div class=\"sig\"><div><div class=\"t\">NGƯỜI NỘP HỒ SƠ</div><div class=\"s\">(Ký và ghi rõ họ tên)</div><div class=\"n\">")
            .Append(E(m.SubmitterName ?? m.Applicant.Name)).Append("</div></div><div><div class=\"t\">NGƯỜI TIẾP NHẬN HỒ SƠ</div>")
            .Append("<div class=\"s\">(Ký và ghi rõ họ tên)</div><div class=\"n\">").Append(E(m.ReceivingOfficial)).Append("</div></div></div>");
        sb.Append("<div class=\"ver\"><div>").Append(QrSvg(m.Verification.Url)).Append("</div><div><i>Văn bản điện tử do hệ thống OneStop phát hành. ")
            .Append("Quét mã QR hoặc truy cập địa chỉ dưới đây để kiểm tra tính xác thực:</i><br>").Append(E(m.Verification.Url))
            .Append("<br>Mã xác thực: <b>").Append(E(m.Verification.Code)).Append("</b></div></div></body></html>");
        return sb.ToString();
    }

    /// <summary>The footer Chromium prints on every page, as the PDFsharp composer does.</summary>
    public static string FooterTemplate(ReceiptModel m) =>
        "<div style=\"font-family:'Liberation Serif',serif;font-size:8pt;width:100%;margin:0 15mm 0 30mm;\">" +
        WebUtility.HtmlEncode($"Mã hồ sơ: {m.DossierCode}  ·  Mã xác thực: {m.Verification.Code}  ·  {m.Verification.Url}") + "</div>";

    private static void Line(StringBuilder sb, string label, string valueHtml) =>
        sb.Append("<p>").Append(WebUtility.HtmlEncode(label)).Append(": ").Append(valueHtml).Append("</p>");

    private static string QrSvg(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(new System.Drawing.Size(83, 83), "#000000", "#ffffff", drawQuietZones: false,
            sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}

using System.Text;
using System.Text.Encodings.Web;
using OneStop.Core.Common;
using OneStop.Core.Dossiers;

namespace OneStop.Infrastructure.Notifications;

/// <summary>The e-mail an applicant receives for a notice: Vietnamese, with the dossier's code, its status, what changed and a link to it.</summary>
public static class ApplicantEmail
{
    public sealed record Content(string Subject, string HtmlBody);

    public static Content Compose(Dossier dossier, string? procedureName, ApplicantNotice notice, string link, bool forWalkIn)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(notice);
        var status = DossierStatusText.Of(dossier.Status);
        var subject = notice.Subject ?? $"Hồ sơ {dossier.Code}: {status}";
        var e = HtmlEncoder.Default;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"vi\"><body style=\"font-family:Arial,sans-serif;font-size:15px;line-height:1.5\">");
        html.Append("<p>Kính gửi ").Append(e.Encode(dossier.Applicant.FullName)).Append(",</p>");
        html.Append("<p>").Append(e.Encode(notice.Message)).Append("</p>");
        html.Append("<table role=\"presentation\" style=\"border-collapse:collapse\">");
        Row(html, "Mã hồ sơ", $"<strong>{e.Encode(dossier.Code ?? string.Empty)}</strong>");
        if (LookupKeys.Format(dossier.LookupKey) is { } key)
        {
            Row(html, "Mã tra cứu", $"<strong data-lookup-key>{e.Encode(key)}</strong> (giữ riêng; dùng kèm mã hồ sơ để tra cứu không cần đăng nhập)");
        }

        if (procedureName is not null)
        {
            Row(html, "Thủ tục", e.Encode(procedureName));
        }

        Row(html, "Trạng thái", $"<strong data-status>{e.Encode(status)}</strong>");
        if (dossier.PromisedAt is { } due && !dossier.IsClosed && dossier.Status != DossierStatus.WaitingForSupplement)
        {
            Row(html, "Hẹn trả kết quả", e.Encode(VietnameseFormats.DateTime(due)));
        }

        html.Append("</table>");
        if (notice.Details.Count > 0)
        {
            html.Append("<ul>");
            foreach (var line in notice.Details)
            {
                html.Append("<li>").Append(e.Encode(line)).Append("</li>");
            }

            html.Append("</ul>");
        }

        html.Append(forWalkIn
            ? "<p>Tra cứu tình trạng hồ sơ (nhập mã hồ sơ và mã tra cứu): "
            : "<p>Xem hồ sơ, văn bản đã phát hành và thực hiện các bước tiếp theo tại: ");
        html.Append("<a href=\"").Append(e.Encode(link)).Append("\">").Append(e.Encode(link)).Append("</a></p>");
        html.Append("<p style=\"color:#555;font-size:13px\">Thư này được gửi tự động từ Hệ thống một cửa điện tử OneStop; vui lòng không trả lời thư này.</p>");
        html.Append("</body></html>");
        return new Content(subject, html.ToString());
    }

    private static void Row(StringBuilder html, string label, string valueHtml) =>
        html.Append("<tr><td style=\"padding:2px 12px 2px 0;color:#555\">").Append(label).Append(":</td><td>").Append(valueHtml).Append("</td></tr>");
}

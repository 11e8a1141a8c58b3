using System.Text.Encodings.Web;
using Microsoft.EntityFrameworkCore;
using OneStop.Core.Documents;
using OneStop.Core.Notifications;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Notifications;

namespace OneStop.Infrastructure.Documents;

/// <summary>Tells the applicant a document was issued for their dossier: in the app when they have an account, and by e-mail.</summary>
public sealed class ApplicantNotifier(OneStopDbContext db, IEmailSender email, TimeProvider clock)
{
    /// <summary>Document kinds the applicant is told about (the supplement request already notifies through its step; control slips are internal).</summary>
    public static readonly IReadOnlySet<string> Announced = new HashSet<string>(StringComparer.Ordinal) { "receipt", "rejection", "apology", "result" };

    public async Task DocumentIssuedAsync(IssuedDocument document, CancellationToken cancellationToken)
    {
        if (!Announced.Contains(document.Kind)
            || await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.Id == document.DossierId, cancellationToken) is not { } dossier)
        {
            return;
        }

        var marker = $"document:{document.Id}";
        var message = $"Hồ sơ {dossier.Code}: đã phát hành {document.Title}. [{marker}]";
        if (dossier.ApplicantUserId is { } userId)
        {
            if (await db.Set<Notification>().AnyAsync(n => n.UserId == userId && n.Message.EndsWith(marker + "]"), cancellationToken))
            {
                return;
            }

            db.Set<Notification>().Add(new Notification { UserId = userId, DossierId = dossier.Code, Message = message, CreatedAt = clock.GetUtcNow() });
            await db.SaveChangesAsync(cancellationToken);
        }

        if (dossier.Applicant.Email is { Length: > 0 } to)
        {
            await email.SendAsync(to, $"OneStop — hồ sơ {dossier.Code}: {document.Title}",
                $"<p>{HtmlEncoder.Default.Encode($"Hồ sơ {dossier.Code}: đã phát hành {document.Title}.")}</p>", cancellationToken);
        }
    }
}

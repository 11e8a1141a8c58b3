using Microsoft.EntityFrameworkCore;
using OneStop.Core.Documents;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Documents;
using OneStop.Infrastructure.Email;

namespace OneStop.Infrastructure.Notifications;

/// <summary>
/// Tells the applicant a document was issued for their dossier: in the app when they have an account, and by e-mail unless the
/// e-mail of the status change that issued it already said so.
/// </summary>
public sealed class DocumentNotices(OneStopDbContext db, ApplicantNotices notices, EmailOutbox outbox, TimeProvider clock)
{
    /// <summary>Announces the document; <paramref name="workflowOutboxId"/> is the workflow effect that issued it, if one did.</summary>
    public async Task IssuedAsync(IssuedDocument document, long? workflowOutboxId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!DocumentCatalog.Announced.Contains(document.Kind)
            || await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.Id == document.DossierId, cancellationToken) is not { } dossier)
        {
            return;
        }

        var covered = workflowOutboxId is { } id && await outbox.CoversAsync(dossier.Code, id, cancellationToken);
        await notices.AddAsync(dossier, new ApplicantNotice($"Hồ sơ {dossier.Code}: đã phát hành {document.Title}.", $"document:{document.Id}", clock.GetUtcNow())
        {
            Subject = $"Hồ sơ {dossier.Code}: {document.Title}",
            ByEmail = !covered,
        }, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}

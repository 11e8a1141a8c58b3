using Microsoft.EntityFrameworkCore;
using OneStop.Core.Documents;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Email;
using OneStop.Infrastructure.Notifications;

namespace OneStop.Infrastructure.Documents;

/// <summary>
/// Tells the applicant a document was issued for their dossier: in the app when they have an account, and by e-mail unless the
/// e-mail of the status change that issued it already said so.
/// </summary>
public sealed class ApplicantNotifier(OneStopDbContext db, ApplicantNotices notices, EmailOutbox outbox, TimeProvider clock)
{
    /// <summary>Document kinds the applicant is told about (the supplement request already notifies through its step; control slips are internal).</summary>
    public static IReadOnlySet<string> Announced => DocumentCatalog.Announced;

    /// <summary>Announces the document; <paramref name="workflowOutboxId"/> is the workflow effect that issued it, if one did.</summary>
    public async Task DocumentIssuedAsync(IssuedDocument document, long? workflowOutboxId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!Announced.Contains(document.Kind)
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

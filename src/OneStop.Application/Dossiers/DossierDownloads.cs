using Microsoft.EntityFrameworkCore;
using OneStop.Core.Documents;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Files;

namespace OneStop.Application.Dossiers;

/// <summary>The files of a dossier (issued documents, attachments) for those who may see the dossier; null for anyone else.</summary>
public sealed class DossierDownloads(OneStopDbContext db, DossierAccess access, IFileStore files)
{
    public sealed record AttachmentFile(Stream Content, string ContentType);

    public async Task<IssuedDocument?> DocumentAsync(Guid dossierId, Guid documentId, CancellationToken cancellationToken) =>
        await VisibleAsync(dossierId, cancellationToken) is null ? null
            : await db.IssuedDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId && d.DossierId == dossierId, cancellationToken);

    public async Task<AttachmentFile?> AttachmentAsync(Guid dossierId, Guid attachmentId, CancellationToken cancellationToken)
    {
        if (await VisibleAsync(dossierId, cancellationToken) is null
            || await db.DossierAttachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId && a.DossierId == dossierId, cancellationToken)
                is not { } attachment
            || await files.OpenAsync(attachment.Sha256, cancellationToken) is not { } stream)
        {
            return null;
        }

        return new AttachmentFile(stream, attachment.ContentType);
    }

    private async Task<Dossier?> VisibleAsync(Guid dossierId, CancellationToken cancellationToken) =>
        await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.Id == dossierId, cancellationToken) is { } dossier
        && await access.CanSeeAsync(dossier, cancellationToken) ? dossier : null;
}

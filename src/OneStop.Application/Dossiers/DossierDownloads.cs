using Microsoft.EntityFrameworkCore;
using OneStop.Core.Documents;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Audit;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Files;

namespace OneStop.Application.Dossiers;

/// <summary>
/// The files of a dossier (issued documents, attachments) for those who may see the dossier; null for anyone else. An official's
/// download is written to the audit log (<see cref="PersonalDataReads"/>); the applicant's is not.
/// </summary>
public sealed class DossierDownloads(OneStopDbContext db, DossierAccess access, IFileStore files, PersonalDataReads reads)
{
    public sealed record AttachmentFile(Stream Content, string ContentType);

    public async Task<IssuedDocument?> DocumentAsync(Guid dossierId, Guid documentId, CancellationToken cancellationToken)
    {
        if (await VisibleAsync(dossierId, cancellationToken) is not { } dossier
            || await db.IssuedDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId && d.DossierId == dossierId, cancellationToken)
                is not { } document)
        {
            return null;
        }

        await reads.DocumentAsync(document.Id, document.FileName, dossier.Code, cancellationToken);
        return document;
    }

    public async Task<AttachmentFile?> AttachmentAsync(Guid dossierId, Guid attachmentId, CancellationToken cancellationToken)
    {
        if (await VisibleAsync(dossierId, cancellationToken) is not { } dossier
            || await db.DossierAttachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId && a.DossierId == dossierId, cancellationToken)
                is not { } attachment
            || await files.OpenAsync(attachment.Sha256, cancellationToken) is not { } stream)
        {
            return null;
        }

        await reads.AttachmentAsync(attachment.Id, attachment.FileName, dossier.Code, cancellationToken);
        return new AttachmentFile(stream, attachment.ContentType);
    }

    private async Task<Dossier?> VisibleAsync(Guid dossierId, CancellationToken cancellationToken) =>
        await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.Id == dossierId, cancellationToken) is { } dossier
        && await access.CanSeeAsync(dossier, cancellationToken) ? dossier : null;
}

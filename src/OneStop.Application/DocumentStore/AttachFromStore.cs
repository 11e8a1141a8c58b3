using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using OneStop.Application.Common;
using OneStop.Application.Dossiers;
using OneStop.Core.Common;
using OneStop.Core.Documents;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Files;

namespace OneStop.Application.DocumentStore;

public sealed record AttachFromStoreCommand(Guid DossierId, string DocumentCode, Guid StoredDocumentId);

/// <summary>
/// The applicant picks a document they hold in their store for one of the procedure's required documents, instead of uploading it:
/// the attachment names the same stored bytes (checked against their hash, and a result against the issued document) and says where
/// they came from, so the official sees it is verified. Picking the same document for the same required document again changes nothing.
/// </summary>
public sealed class AttachFromStore(OwnDossiers own, MyDocumentStore store, DossierFiles dossierFiles, OneStopDbContext db, IFileStore files,
    ICurrentUser user, TimeProvider clock, IUnitOfWork unitOfWork)
    : UseCase<AttachFromStoreCommand, DossierAttachment>(unitOfWork)
{
    protected override async Task<DossierAttachment> RunAsync(AttachFromStoreCommand command, CancellationToken cancellationToken)
    {
        var dossier = await own.GetAsync(command.DossierId, cancellationToken);
        if (dossier.Status is not (DossierStatus.Draft or DossierStatus.WaitingForSupplement))
        {
            throw new ConflictException("attachment.closed", "Chỉ đính kèm tệp khi hồ sơ đang soạn hoặc đang chờ bổ sung.");
        }

        var stored = await store.GetAsync(command.StoredDocumentId, cancellationToken);
        var code = command.DocumentCode.Trim();
        if (await db.DossierAttachments.SingleOrDefaultAsync(
                a => a.DossierId == dossier.Id && a.DocumentCode == code && a.StoredDocumentId == stored.Id, cancellationToken) is { } already)
        {
            return already;
        }

        await dossierFiles.CheckRoomAsync(dossier, code, cancellationToken);
        await VerifyAsync(stored, cancellationToken);
        var attachment = DossierAttachment.FromStore(dossier.Id, code, stored, clock.GetUtcNow(), user.RequireId());
        db.DossierAttachments.Add(attachment);
        await db.SaveChangesAsync(cancellationToken);
        return attachment;
    }

    /// <summary>The bytes are those recorded (and, for a result, those OneStop issued): only then may the official read "đã xác thực".</summary>
    private async Task VerifyAsync(StoredDocument stored, CancellationToken cancellationToken)
    {
        var verified = false;
        await using (var stream = await files.OpenAsync(stored.Sha256, cancellationToken))
        {
            if (stream is not null)
            {
                var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
                verified = string.Equals(hash, stored.Sha256, StringComparison.OrdinalIgnoreCase);
            }
        }

        if (verified && stored.IssuedDocumentId is { } issuedId)
        {
            var issued = await db.IssuedDocuments.Where(d => d.Id == issuedId).Select(d => d.Sha256).SingleOrDefaultAsync(cancellationToken);
            verified = string.Equals(issued, stored.Sha256, StringComparison.OrdinalIgnoreCase);
        }

        if (!verified)
        {
            throw new ConflictException("store.unverified",
                "Không xác thực được giấy tờ này trong kho dữ liệu (tệp không còn hoặc không khớp bản đã cấp). Vui lòng tải tệp lên.");
        }
    }
}

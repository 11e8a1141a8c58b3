using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Core.Common;
using OneStop.Core.Dossiers;
using OneStop.Core.Procedures;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Files;

namespace OneStop.Application.Dossiers;

/// <summary>
/// Adds a file to a dossier, whoever sends it (the applicant, the counter, an official's result file): the same limits, the same
/// checks and the same messages. The bytes go from the request to a capped temporary file, the virus scanner and the file store
/// as streams.
/// </summary>
public sealed class DossierFiles(OneStopDbContext db, IFileStore files, IVirusScanner scanner, IOptions<FileStoreOptions> limits, TimeProvider clock)
{
    /// <summary>The document code result files uploaded by officials are stored under.</summary>
    public const string ResultFileCode = "KETQUA";

    public async Task<DossierAttachment> AddAsync(Dossier dossier, string documentCode, Upload upload, Guid uploadedBy, CancellationToken cancellationToken,
        string? idempotencyKey = null)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(upload);
        await CheckRoomAsync(dossier, documentCode, cancellationToken);
        await using var inspected = await UploadInspector.InspectAsync(upload, limits.Value.MaxFileBytes, cancellationToken);
        await using (var scanned = inspected.OpenRead())
        {
            if (await scanner.ScanAsync(scanned, inspected.FileName, cancellationToken) is { } threat)
            {
                throw new DomainException("attachment.infected", $"Tệp bị từ chối khi quét virus: {threat}");
            }
        }

        string hash;
        await using (var stored = inspected.OpenRead())
        {
            (hash, _) = await files.SaveAsync(stored, cancellationToken);
        }

        var attachment = new DossierAttachment(dossier.Id, documentCode, inspected.FileName, inspected.ContentType, inspected.Size, hash,
            clock.GetUtcNow(), uploadedBy);
        if (idempotencyKey is not null)
        {
            attachment.KeyedBy(idempotencyKey);
        }

        db.DossierAttachments.Add(attachment);
        await db.SaveChangesAsync(cancellationToken);
        return attachment;
    }

    // Both facts in one round trip: what the procedure asks for, and how many files the dossier holds. Run for every upload, so compiled
    // (CompiledQueries says why).
    private static readonly CompiledQuery<Guid, Guid, RoomLeft> Room =
        new((db, procedureId, dossierId, _) => db.Procedures.AsNoTracking().Where(p => p.Id == procedureId)
            .Select(p => new RoomLeft(p.RequiredDocuments, db.DossierAttachments.Count(a => a.DossierId == dossierId)))
            .Single());

    private sealed record RoomLeft(List<RequiredDocument> RequiredDocuments, int Files);

    /// <summary>Refuses a document code the procedure does not require, and a dossier that already holds as many files as allowed.</summary>
    public async Task CheckRoomAsync(Dossier dossier, string documentCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        var room = await Room.RunAsync(db, dossier.ProcedureId, dossier.Id, cancellationToken);
        if (documentCode != ResultFileCode && room.RequiredDocuments.All(d => d.Code != documentCode))
        {
            throw new DomainException("attachment.document_unknown",
                $"Thủ tục không có thành phần hồ sơ mã '{documentCode}'. Các mã: {string.Join(", ", room.RequiredDocuments.Select(d => d.Code))}.");
        }

        if (room.Files >= limits.Value.MaxFilesPerDossier)
        {
            throw new DomainException("attachment.too_many", $"Mỗi hồ sơ đính kèm tối đa {limits.Value.MaxFilesPerDossier} tệp.");
        }
    }
}

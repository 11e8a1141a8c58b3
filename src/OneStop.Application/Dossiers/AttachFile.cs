using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OneStop.Application.Common;
using OneStop.Core.Common;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Files;

namespace OneStop.Application.Dossiers;

/// <param name="IdempotencyKey">The client's Idempotency-Key: the same key for the same dossier finds the attachment made before.</param>
public sealed record AttachFileCommand(Guid DossierId, string DocumentCode, Upload File, string? IdempotencyKey = null);

/// <summary>
/// The applicant attaches a file for one of the procedure's required documents, while drafting or when asked to supplement. An upload
/// sent again with the same Idempotency-Key (an app retrying after it lost the answer) answers with the attachment the first one made,
/// whatever the dossier's state is now; the same key with another file or document is refused.
/// </summary>
public sealed class AttachFile(OwnDossiers own, ICurrentUser user, DossierFiles files, OneStopDbContext db, IUnitOfWork unitOfWork)
    : UseCase<AttachFileCommand, DossierAttachment>(unitOfWork)
{
    public const int MaxKeyLength = 100;

    protected override async Task<DossierAttachment> RunAsync(AttachFileCommand command, CancellationToken cancellationToken)
    {
        var key = string.IsNullOrWhiteSpace(command.IdempotencyKey) ? null : command.IdempotencyKey.Trim();
        if (key is { Length: > MaxKeyLength })
        {
            throw new DomainException("idempotency.key_too_long", $"Idempotency-Key tối đa {MaxKeyLength} ký tự.");
        }

        var dossier = await own.GetAsync(command.DossierId, cancellationToken);
        var documentCode = command.DocumentCode.Trim();
        if (key is not null && await EarlierAsync(dossier.Id, key, cancellationToken) is { } earlier)
        {
            return await ReplayAsync(earlier, documentCode, command.File, cancellationToken);
        }

        if (dossier.Status is not (DossierStatus.Draft or DossierStatus.WaitingForSupplement))
        {
            throw new ConflictException("attachment.closed", "Chỉ đính kèm tệp khi hồ sơ đang soạn hoặc đang chờ bổ sung.");
        }

        if (key is null)
        {
            return await files.AddAsync(dossier, documentCode, command.File, user.RequireId(), cancellationToken);
        }

        var transaction = db.Database.CurrentTransaction!;
        await transaction.CreateSavepointAsync("attach", cancellationToken);
        try
        {
            return await files.AddAsync(dossier, documentCode, command.File, user.RequireId(), cancellationToken, key);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The same upload arrived twice at the same moment (two hosts behind the proxy): the other one stored it. Its file is the
            // same content-addressed file, so nothing is left behind.
            await transaction.RollbackToSavepointAsync("attach", cancellationToken);
            db.ChangeTracker.Clear();
            return await EarlierAsync(dossier.Id, key, cancellationToken)
                ?? throw new ConflictException("concurrent_update", "Tệp đang được đính kèm bởi một yêu cầu khác; vui lòng thử lại.");
        }
    }

    private Task<DossierAttachment?> EarlierAsync(Guid dossierId, string key, CancellationToken cancellationToken) =>
        db.DossierAttachments.AsNoTracking().SingleOrDefaultAsync(a => a.DossierId == dossierId && a.IdempotencyKey == key, cancellationToken);

    /// <summary>The same request again: the same document and the same bytes answer with what the first one stored.</summary>
    private static async Task<DossierAttachment> ReplayAsync(DossierAttachment earlier, string documentCode, Upload upload, CancellationToken cancellationToken)
    {
        var sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(upload.Content, cancellationToken));
        if (earlier.DocumentCode != documentCode || !string.Equals(earlier.Sha256, sha, StringComparison.OrdinalIgnoreCase))
        {
            throw new ConflictException("idempotency.key_reused",
                "Idempotency-Key này đã được dùng cho một tệp khác của hồ sơ; mỗi tệp mới cần một khóa mới.");
        }

        return earlier;
    }
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneStop.Core.Common;
using OneStop.Core.Documents;
using OneStop.Documents;
using OneStop.Documents.Signing;
using OneStop.Documents.Signing.Remote;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Notifications;
using OneStop.Workflows.Runtime;
using OneStop.Workflows.Runtime.State;

namespace OneStop.Infrastructure.Signing;

/// <summary>
/// Documents waiting for their official's remote signature ("chờ ký số"): the request made when the document is issued, the background
/// completion (signature in, agency seal added, document issued and announced, all in one transaction per document, each row locked with
/// SKIP LOCKED so two hosts never complete one twice), the failure (refused, expired) with its reason, and signing again ("Ký lại"). Each
/// outcome is journaled on the dossier (and so audited) with a fixed text: never the CA's message nor the account.
/// </summary>
public sealed partial class RemoteSignatures(OneStopDbContext db, DocumentSignatures signatures, DocumentNotices notices, IUnitOfWork unitOfWork,
    IWorkflowEngine engine, Audit.IAuditLog audit, IOptions<RemoteSigningSettings> settings, TimeProvider clock, ILogger<RemoteSignatures> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string SerializeSlots(IReadOnlyList<SignatureSlot> slots) => JsonSerializer.Serialize(slots, Json);

    public static IReadOnlyList<SignatureSlot> SlotsOf(PendingSignature pending)
    {
        ArgumentNullException.ThrowIfNull(pending);
        return JsonSerializer.Deserialize<List<SignatureSlot>>(pending.Slots, Json) ?? [];
    }

    public static string SerializePrepared(PreparedSignature prepared) => JsonSerializer.Serialize(prepared, Json);

    public static PreparedSignature PreparedOf(PendingSignature pending)
    {
        ArgumentNullException.ThrowIfNull(pending);
        return JsonSerializer.Deserialize<PreparedSignature>(pending.Prepared, Json)
               ?? throw new InvalidOperationException("The pending signature holds no prepared signature.");
    }

    /// <summary>
    /// Stores the waiting document with its request queued (in the caller's transaction). Nothing is sent to the CA here: the request reaches
    /// the signer's device only once this row is committed (<see cref="CompleteDueAsync"/> sends it), so a transaction that does not commit
    /// leaves no request that leads nowhere.
    /// </summary>
    public async Task DeferAsync(PendingSignature pending, PrintedSigner signer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(signer);
        var credential = await signatures.RemoteCredentialAsync(signer, cancellationToken)
                         ?? throw new DomainException(SigningErrors.CertificateMissing,
                             $"Cán bộ {signer.Name} không có tài khoản ký số từ xa còn hiệu lực.");
        var now = clock.GetUtcNow();
        pending.Queue(credential.Id, now, now + Expiry);
        db.PendingSignatures.Add(pending);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Sends a queued request now, in its own transaction, when the caller has committed (e.g. right after "Ký lại"); returns whether it was
    /// sent. Left queued (for <see cref="CompleteDueAsync"/>) inside a caller's transaction, when another host holds the row, or on an error.
    /// </summary>
    public async Task<bool> SendQueuedAsync(Guid pendingId, CancellationToken cancellationToken = default)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rows = await db.PendingSignatures
            .FromSql($"SELECT * FROM pending_signatures WHERE id = {pendingId} AND state = 0 AND transaction_id = '' FOR UPDATE SKIP LOCKED")
            .AsTracking().ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return false;
        }

        try
        {
            await SendAsync(rows[0], cancellationToken);
        }
        catch (Exception ex) when (ex.IsFailure(cancellationToken))
        {
            // The background completion sends it (and fails it with its reason when the error is not transient).
            LogSendLeft(logger, pendingId, ex);
            db.ChangeTracker.Clear();
            return false;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return true;
    }

    /// <summary>Asks the CA about up to <paramref name="max"/> waiting requests that are due; returns how many documents were issued.</summary>
    public async Task<int> CompleteDueAsync(int max = 20, CancellationToken cancellationToken = default)
    {
        var issued = 0;
        var seen = new HashSet<Guid>();
        for (var i = 0; i < max && !cancellationToken.IsCancellationRequested; i++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var rows = await db.PendingSignatures
                .FromSql($"SELECT * FROM pending_signatures WHERE state = 0 AND next_check_at <= {now} ORDER BY next_check_at, id LIMIT 1 FOR UPDATE SKIP LOCKED")
                .AsTracking().ToListAsync(cancellationToken);
            if (rows.Count == 0 || !seen.Add(rows[0].Id))
            {
                return issued;
            }

            var pending = rows[0];
            await transaction.CreateSavepointAsync("complete", cancellationToken);
            try
            {
                if (await AdvanceAsync(pending, cancellationToken))
                {
                    issued++;
                }
            }
            catch (Exception ex) when (ex.IsFailure(cancellationToken))
            {
                // Undo what the completion wrote; the request keeps waiting and is asked about again later (or fails when it expires).
                await transaction.RollbackToSavepointAsync("complete", cancellationToken);
                foreach (var tracked in db.ChangeTracker.Entries().Where(e => !ReferenceEquals(e.Entity, pending)).ToList())
                {
                    tracked.State = EntityState.Detached;
                }

                // The row as the savepoint left it (a completion that saved it before failing is undone in the database too).
                await db.Entry(pending).ReloadAsync(cancellationToken);
                var at = clock.GetUtcNow();
                if (ex is DomainException domain)
                {
                    // Not something a retry mends (an invalid signature, the agency's seal certificate expired): the official sees why.
                    pending.Fail(Nfc(domain.Message), at);
                    await JournalAsync(pending, JournalKind.RemoteSigningFailed, null,
                        $"Không hoàn tất được chữ ký số từ xa ({domain.Code}); văn bản chưa được phát hành.", cancellationToken);
                }
                else if (at >= pending.ExpiresAt)
                {
                    pending.Fail("Không hoàn tất được chữ ký số từ xa trước khi yêu cầu hết hạn (lỗi kết nối dịch vụ ký số); văn bản chưa được phát hành. Hãy ký lại.", at);
                    await JournalAsync(pending, JournalKind.RemoteSigningFailed, null,
                        "Yêu cầu ký số từ xa hết hạn (lỗi kết nối dịch vụ ký số); văn bản chưa được phát hành.", cancellationToken);
                }
                else
                {
                    pending.Erred(at);
                }

                if (ex is DomainException refused)
                {
                    // The message is for the official (it may name the CA account): only the code is logged.
                    LogRefused(logger, pending.Id, refused.Code);
                }
                else
                {
                    LogFailed(logger, pending.Id, pending.Errors, ex);
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        return issued;
    }

    /// <summary>
    /// Signs a failed document again ("Ký lại"), only by the official who was to sign it: a new request on their device when they still sign
    /// remotely, or at once with the certificate OneStop holds when their credential is now a PKCS#12.
    /// </summary>
    public async Task<PendingSignatureView> ResignAsync(Guid dossierId, Guid pendingId, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var actorUserId = Guid.Parse(actor.UserId);
        return await unitOfWork.InTransactionAsync(async () =>
        {
            var pending = (await db.PendingSignatures.FromSql($"SELECT * FROM pending_signatures WHERE id = {pendingId} FOR UPDATE")
                              .AsTracking().ToListAsync(cancellationToken)).SingleOrDefault(p => p.DossierId == dossierId)
                          ?? throw new NotFoundException("Không tìm thấy văn bản chờ ký số này trong hồ sơ.");
            if (pending.SignerUserId != actorUserId)
            {
                throw new ForbiddenException("signing.not_signer", "Chỉ cán bộ ký văn bản này mới ký lại được.");
            }

            if (pending.State != PendingSignatureState.Failed)
            {
                throw new ConflictException("signing.not_failed", pending.State == PendingSignatureState.Pending
                    ? "Văn bản đang chờ ký số trên thiết bị; hãy xác nhận trên thiết bị hoặc chờ yêu cầu hết hạn."
                    : "Văn bản đã được ký số và phát hành.");
            }

            var signer = await signatures.PrintedSignerAsync(actorUserId.ToString(), cancellationToken)
                         ?? throw new NotFoundException("Không tìm thấy tài khoản cán bộ.");
            if (await signatures.RemoteCredentialAsync(signer, cancellationToken) is { } credential)
            {
                // Queued like the first request: sent once this commits (SendQueuedAsync right after, or the background completion).
                var now = clock.GetUtcNow();
                pending.Queue(credential.Id, now, now + Expiry);
                await db.SaveChangesAsync(cancellationToken);
                await JournalAsync(pending, JournalKind.RemoteSigningRetried, actor,
                    $"Ký lại: yêu cầu ký số từ xa lần {pending.Attempts} ({pending.Title}).", cancellationToken);
            }
            else
            {
                var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == pending.AgencyId, cancellationToken);
                var rendered = new RenderedDocument(DocumentKind.Result, pending.Rendered, string.Empty, "application/pdf", pending.PageCount, pending.FileName)
                {
                    SignatureSlots = SlotsOf(pending),
                };
                // Signing switched off since: issued as an unsigned document is.
                var content = signatures.Enabled ? await signatures.SignAsync(rendered, signer, agency, pending.Title, cancellationToken) : pending.Rendered;
                await IssueAsync(pending, content, cancellationToken);
                await JournalAsync(pending, JournalKind.RemoteSigningRetried, actor,
                    $"Ký lại bằng chứng thư số hệ thống lưu giữ; đã phát hành {pending.Title}.", cancellationToken);
            }

            return View(pending, signer.Name, actorUserId);
        }, cancellationToken);
    }

    /// <summary>The documents of a dossier waiting for a remote signature or whose signing failed (the completed ones are issued documents).</summary>
    public async Task<IReadOnlyList<PendingSignatureView>> ForDossierAsync(Guid dossierId, Guid? viewerUserId, CancellationToken cancellationToken = default)
    {
        var rows = await (from p in db.PendingSignatures.AsNoTracking()
                          where p.DossierId == dossierId && p.State != PendingSignatureState.Completed
                          join u in db.Users on p.SignerUserId equals u.Id
                          orderby p.CreatedAt
                          select new { Pending = p, u.FullName }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => View(r.Pending, r.FullName, viewerUserId))];
    }

    /// <summary>Whether a dossier has a document being signed (for the applicant: "kết quả đang được ký số").</summary>
    public Task<bool> AwaitingAsync(Guid dossierId, CancellationToken cancellationToken = default) =>
        db.PendingSignatures.AnyAsync(p => p.DossierId == dossierId && p.State != PendingSignatureState.Completed, cancellationToken);

    private TimeSpan Expiry => TimeSpan.FromMinutes(Math.Max(1, settings.Value.ExpiresMinutes));

    // The CA's "sign hash" call for a committed, queued request: the signer's device shows it from now on.
    private async Task SendAsync(PendingSignature pending, CancellationToken cancellationToken)
    {
        var signer = await signatures.PrintedSignerAsync(pending.SignerUserId.ToString(), cancellationToken)
                     ?? throw new DomainException("signing.signer_missing", "Không tìm thấy tài khoản cán bộ ký văn bản.");
        var dossierCode = await db.Dossiers.AsNoTracking().Where(d => d.Id == pending.DossierId).Select(d => d.Code).SingleAsync(cancellationToken);
        var submission = await signatures.SubmitRemoteAsync(pending.Rendered, SlotsOf(pending), signer, pending.AgencyId, pending.Title, dossierCode ?? "",
            cancellationToken);
        pending.Submitted(submission.CredentialId, SerializePrepared(submission.Prepared), submission.TransactionId, submission.SubmittedAt,
            submission.ExpiresAt);
    }

    private async Task<bool> AdvanceAsync(PendingSignature pending, CancellationToken cancellationToken)
    {
        if (!pending.IsSent)
        {
            await SendAsync(pending, cancellationToken);
            return false;
        }

        var status = await signatures.RemoteStatusAsync(pending.TransactionId, cancellationToken);
        var now = clock.GetUtcNow();
        switch (status.State)
        {
            case RemoteSigningState.Signed when status.Signature is not null:
                var content = await signatures.CompleteRemoteAsync(PreparedOf(pending), status.Signature, SlotsOf(pending), pending.AgencyId, pending.Title,
                    cancellationToken);
                await IssueAsync(pending, content, cancellationToken);
                await JournalAsync(pending, JournalKind.RemoteSigningCompleted, await SignerActorAsync(pending, cancellationToken),
                    $"Đã xác nhận ký số từ xa trên thiết bị; đã phát hành {pending.Title}.", cancellationToken);
                return true;
            case RemoteSigningState.Denied:
                pending.Fail(Nfc("Người ký đã từ chối ký số trên thiết bị" + Suffix(status.Message) + "; văn bản chưa được phát hành. Có thể ký lại."), now);
                await JournalAsync(pending, JournalKind.RemoteSigningFailed, await SignerActorAsync(pending, cancellationToken),
                    "Người ký từ chối ký số trên thiết bị; văn bản chưa được phát hành.", cancellationToken);
                return false;
            case RemoteSigningState.Expired:
                pending.Fail(Nfc("Yêu cầu ký số từ xa đã hết hạn mà người ký chưa xác nhận trên thiết bị" + Suffix(status.Message)
                                 + "; văn bản chưa được phát hành. Có thể ký lại."), now);
                await JournalAsync(pending, JournalKind.RemoteSigningFailed, null, ExpiredNote, cancellationToken);
                return false;
            default:
                if (now >= pending.ExpiresAt)
                {
                    pending.Fail("Yêu cầu ký số từ xa đã hết hạn mà người ký chưa xác nhận trên thiết bị; văn bản chưa được phát hành. Có thể ký lại.", now);
                    await JournalAsync(pending, JournalKind.RemoteSigningFailed, null, ExpiredNote, cancellationToken);
                }
                else
                {
                    pending.CheckAgainAt(now + TimeSpan.FromSeconds(Math.Max(1, settings.Value.PollSeconds)));
                }

                return false;
        }
    }

    // The document as a PKCS#12-signed one is issued: the same stored bytes and SHA-256 (what /verify compares), the same notice.
    private async Task IssueAsync(PendingSignature pending, byte[] content, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var document = new IssuedDocument(pending.DocumentId, pending.DossierId, pending.AgencyId, pending.Kind, pending.Title, pending.Reference,
            pending.VerificationCode, content, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)), pending.FileName,
            pending.PageCount, now, pending.IssuedBy, pending.ReplacesId, pending.SourceKey);
        db.IssuedDocuments.Add(document);
        pending.Complete(now);
        await db.SaveChangesAsync(cancellationToken);
        long? outboxId = pending.SourceKey is { } key && key.StartsWith("outbox:", StringComparison.Ordinal)
                         && long.TryParse(key.AsSpan("outbox:".Length), out var id) ? id : null;
        await notices.IssuedAsync(document, outboxId, cancellationToken);
    }

    private const string ExpiredNote = "Yêu cầu ký số từ xa hết hạn mà người ký chưa xác nhận trên thiết bị; văn bản chưa được phát hành.";

    // On the dossier's journal (and from it the audit log): who (the signer, or the system), which document, a fixed text. The pending row's
    // own changes are saved first so the journal and the row commit together.
    private async Task JournalAsync(PendingSignature pending, JournalKind kind, WorkflowActor? actor, string comment, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        var instanceId = await db.Dossiers.AsNoTracking().Where(d => d.Id == pending.DossierId).Select(d => d.WorkflowInstanceId)
            .SingleOrDefaultAsync(cancellationToken);
        if (instanceId is { } id)
        {
            await engine.RecordRemoteSigningAsync(id, kind, actor, pending.Kind, Nfc(comment), cancellationToken);
            return;
        }

        // A dossier without a workflow (a migrated one) has no journal: the audit log keeps it, as the journal's audit line would.
        var code = await db.Dossiers.AsNoTracking().Where(d => d.Id == pending.DossierId).Select(d => d.Code).SingleAsync(cancellationToken);
        var who = actor is null ? Audit.AuditActorInfo.System
            : new Audit.AuditActorInfo(Guid.TryParse(actor.UserId, out var user) ? user : null, actor.UserId, actor.Address, false);
        var name = kind.ToString();
        await audit.WriteAsync(who, "dossier." + char.ToLowerInvariant(name[0]) + name[1..], "Dossier", code, null,
            new { kind = name, role = actor?.Role, comment = Nfc(comment), documents = new[] { pending.Kind } }, code, cancellationToken);
    }

    // The official who confirmed or refused on their device, with the role they act in.
    private async Task<WorkflowActor> SignerActorAsync(PendingSignature pending, CancellationToken cancellationToken)
    {
        var officialRoles = new[] { Core.Identity.Roles.Leader, Core.Identity.Roles.Specialist, Core.Identity.Roles.Reception };
        var role = await (from ur in db.UserRoles
                          join r in db.Roles on ur.RoleId equals r.Id
                          where ur.UserId == pending.SignerUserId && officialRoles.Contains(r.Name!)
                          select r.Name).FirstOrDefaultAsync(cancellationToken);
        return new WorkflowActor(pending.SignerUserId.ToString(), role ?? "official");
    }

    private static PendingSignatureView View(PendingSignature p, string signerName, Guid? viewer) => new(p.Id, p.Kind, p.Title, p.State, signerName,
        p.SubmittedAt, p.ExpiresAt, p.FailureReason, p.Attempts, CanResign: p.State == PendingSignatureState.Failed && viewer == p.SignerUserId)
    {
        Sent = p.IsSent,
    };

    private static string Suffix(string? message) => string.IsNullOrWhiteSpace(message) ? "" : $" ({message.Trim()})";

    private static string Nfc(string text) => text.Normalize(System.Text.NormalizationForm.FormC);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pending signature {PendingId}: its request was not sent at once; the background completion sends it")]
    private static partial void LogSendLeft(ILogger logger, Guid pendingId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pending signature {PendingId} could not be completed ({Code}); it is set aside for the signer to sign again")]
    private static partial void LogRefused(ILogger logger, Guid pendingId, string code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Completing pending signature {PendingId} failed (error {Errors}); it is asked about again or set aside")]
    private static partial void LogFailed(ILogger logger, Guid pendingId, int errors, Exception exception);
}

/// <summary>A document waiting for a remote signature, or whose signing failed, as officials see it on the dossier.</summary>
public sealed record PendingSignatureView(Guid Id, string Kind, string Title, PendingSignatureState State, string SignerName, DateTimeOffset SubmittedAt,
    DateTimeOffset ExpiresAt, string? FailureReason, int Attempts, bool CanResign)
{
    /// <summary>Whether the request has reached the CA (a waiting document's request is sent only once it is committed).</summary>
    public bool Sent { get; init; } = true;

    /// <summary>The state in Vietnamese.</summary>
    public string StateLabel => State switch
    {
        PendingSignatureState.Pending when !Sent => "Đang gửi yêu cầu ký số đến thiết bị",
        PendingSignatureState.Pending => "Chờ ký số trên thiết bị",
        PendingSignatureState.Failed => "Ký số không thành công",
        _ => "Đã ký số",
    };
}

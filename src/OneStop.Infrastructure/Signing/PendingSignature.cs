using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Core.Dossiers;
using OneStop.Core.Organisation;

namespace OneStop.Infrastructure.Signing;

/// <summary>Where a document waiting for its signer's remote signature stands.</summary>
public enum PendingSignatureState
{
    /// <summary>
    /// "Chờ ký số": committed and to be sent to the CA (no <see cref="PendingSignature.TransactionId"/> yet), or sent and waiting for the
    /// official to confirm on their device.
    /// </summary>
    Pending = 0,

    /// <summary>Signed, sealed and issued (<see cref="PendingSignature.DocumentId"/> is the issued document).</summary>
    Completed = 1,

    /// <summary>Refused on the device, expired, or not completable: nothing was issued; the official can sign again ("Ký lại").</summary>
    Failed = 2,
}

/// <summary>
/// A document rendered and prepared for its official's remote signature ("ký số từ xa"), not yet issued: the rendered form, the
/// <see cref="Documents.Signing.PreparedSignature"/> (JSON) and the CA's transaction. The background completion puts the signature in,
/// adds the agency's seal and only then stores the <see cref="Core.Documents.IssuedDocument"/> (id <see cref="DocumentId"/>, fixed when the
/// QR code was printed): until then neither the applicant nor /verify sees anything.
/// </summary>
public sealed class PendingSignature
{
    private PendingSignature()
    {
    }

    public PendingSignature(Guid documentId, Guid dossierId, Guid agencyId, string kind, string title, string reference, string verificationCode,
        string fileName, int pageCount, string? issuedBy, Guid? replacesId, string? sourceKey, Guid signerUserId, byte[] rendered, string slots,
        DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7(createdAt);
        DocumentId = documentId;
        DossierId = dossierId;
        AgencyId = agencyId;
        Kind = kind;
        Title = title;
        Reference = reference;
        VerificationCode = verificationCode;
        FileName = fileName;
        PageCount = pageCount;
        IssuedBy = issuedBy;
        ReplacesId = replacesId;
        SourceKey = sourceKey;
        SignerUserId = signerUserId;
        Rendered = rendered;
        Slots = slots;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    /// <summary>The id the issued document will have (its /verify address is already printed in the QR code).</summary>
    public Guid DocumentId { get; private set; }

    public Guid DossierId { get; private set; }

    public Guid AgencyId { get; private set; }

    public string Kind { get; private set; } = string.Empty;

    public string Title { get; private set; } = string.Empty;

    public string Reference { get; private set; } = string.Empty;

    public string VerificationCode { get; private set; } = string.Empty;

    public string FileName { get; private set; } = string.Empty;

    public int PageCount { get; private set; }

    public string? IssuedBy { get; private set; }

    public Guid? ReplacesId { get; private set; }

    /// <summary>The issuing request's idempotency key (e.g. outbox:42); the issued document gets the same.</summary>
    public string? SourceKey { get; private set; }

    public Guid SignerUserId { get; private set; }

    /// <summary>The credential the request was made with.</summary>
    public Guid CredentialId { get; private set; }

    /// <summary>The rendered, unsigned PDF (kept to sign again after a refusal).</summary>
    public byte[] Rendered { get; private set; } = [];

    /// <summary>The rendered form's signature slots (JSON).</summary>
    public string Slots { get; private set; } = "[]";

    /// <summary>The <see cref="Documents.Signing.PreparedSignature"/> of the current request (JSON).</summary>
    public string Prepared { get; private set; } = string.Empty;

    /// <summary>The CA's transaction id of the current request.</summary>
    public string TransactionId { get; private set; } = string.Empty;

    public PendingSignatureState State { get; private set; }

    /// <summary>How many requests were made (1 + each "Ký lại").</summary>
    public int Attempts { get; private set; }

    /// <summary>Transient errors met while asking the CA or completing (retried).</summary>
    public int Errors { get; private set; }

    /// <summary>Why it failed, in Vietnamese for the official.</summary>
    public string? FailureReason { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    /// <summary>After this the request is given up as expired.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>When the background completion asks the CA next.</summary>
    public DateTimeOffset NextCheckAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public DateTimeOffset? FailedAt { get; private set; }

    /// <summary>Whether the current request has been sent to the CA (it is sent only once this row is committed).</summary>
    public bool IsSent => TransactionId.Length > 0;

    /// <summary>A (new) request is to be made, with the official's remote credential: committed first, then sent ("Ký lại" starts here too).</summary>
    public void Queue(Guid credentialId, DateTimeOffset at, DateTimeOffset expiresAt)
    {
        if (State == PendingSignatureState.Completed)
        {
            throw new InvalidOperationException("The document has been signed and issued.");
        }

        CredentialId = credentialId;
        Prepared = string.Empty;
        TransactionId = string.Empty;
        State = PendingSignatureState.Pending;
        Attempts++;
        Errors = 0;
        FailureReason = null;
        FailedAt = null;
        SubmittedAt = at;
        ExpiresAt = expiresAt;
        NextCheckAt = at;
    }

    /// <summary>The queued request was sent to the CA: waiting for the confirmation on the device.</summary>
    public void Submitted(Guid credentialId, string prepared, string transactionId, DateTimeOffset at, DateTimeOffset expiresAt)
    {
        if (State != PendingSignatureState.Pending || IsSent)
        {
            throw new InvalidOperationException("Only a queued request is sent.");
        }

        CredentialId = credentialId;
        Prepared = prepared;
        TransactionId = transactionId;
        Errors = 0;
        SubmittedAt = at;
        ExpiresAt = expiresAt;
        NextCheckAt = at;
    }

    public void CheckAgainAt(DateTimeOffset at) => NextCheckAt = at;

    /// <summary>A transient error: ask again later, backing off.</summary>
    public void Erred(DateTimeOffset now)
    {
        Errors++;
        NextCheckAt = now + TimeSpan.FromSeconds(Math.Min(300, 5 * Math.Pow(2, Math.Min(Errors, 6))));
    }

    public void Complete(DateTimeOffset at)
    {
        State = PendingSignatureState.Completed;
        CompletedAt = at;
        Prepared = string.Empty;
    }

    public void Fail(string reason, DateTimeOffset at)
    {
        State = PendingSignatureState.Failed;
        FailureReason = reason.Length > 1000 ? reason[..1000] : reason;
        FailedAt = at;
    }
}

internal sealed class PendingSignatureConfiguration : IEntityTypeConfiguration<PendingSignature>
{
    public void Configure(EntityTypeBuilder<PendingSignature> builder)
    {
        builder.ToTable("pending_signatures");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Kind).HasMaxLength(50);
        builder.Property(p => p.Title).HasMaxLength(300);
        builder.Property(p => p.Reference).HasMaxLength(100);
        builder.Property(p => p.VerificationCode).HasMaxLength(50);
        builder.Property(p => p.FileName).HasMaxLength(200);
        builder.Property(p => p.IssuedBy).HasMaxLength(100);
        builder.Property(p => p.SourceKey).HasMaxLength(100);
        builder.Property(p => p.TransactionId).HasMaxLength(200);
        builder.Property(p => p.FailureReason).HasMaxLength(1000);
        builder.Property(p => p.Slots).HasColumnType("jsonb");
        builder.HasIndex(p => p.DocumentId).IsUnique();
        builder.HasIndex(p => p.SourceKey).IsUnique();
        builder.HasIndex(p => p.DossierId);
        builder.HasIndex(p => p.NextCheckAt).HasFilter("state = 0");
        builder.HasOne<Dossier>().WithMany().HasForeignKey(p => p.DossierId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agency>().WithMany().HasForeignKey(p => p.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SigningCredential>().WithMany().HasForeignKey(p => p.CredentialId).OnDelete(DeleteBehavior.Restrict);
    }
}

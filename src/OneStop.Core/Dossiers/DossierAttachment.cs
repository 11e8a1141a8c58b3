using OneStop.Core.Common;

namespace OneStop.Core.Dossiers;

/// <summary>A file attached to a dossier for one of its procedure's required documents; the bytes live in the file store by hash.</summary>
public sealed class DossierAttachment
{
    private DossierAttachment()
    {
        DocumentCode = string.Empty;
        FileName = string.Empty;
        ContentType = string.Empty;
        Sha256 = string.Empty;
    }

    public DossierAttachment(Guid dossierId, string documentCode, string fileName, string contentType, long size, string sha256,
        DateTimeOffset uploadedAt, Guid? uploadedBy)
    {
        Id = Guid.NewGuid();
        DossierId = dossierId;
        DocumentCode = documentCode;
        FileName = Text.Clean(fileName);
        ContentType = contentType;
        Size = size;
        Sha256 = sha256;
        UploadedAt = uploadedAt;
        UploadedBy = uploadedBy;
    }

    public Guid Id { get; private set; }

    public Guid DossierId { get; private set; }

    /// <summary>The required document (thành phần hồ sơ) it is for.</summary>
    public string DocumentCode { get; private set; }

    public string FileName { get; private set; }

    public string ContentType { get; private set; }

    public long Size { get; private set; }

    public string Sha256 { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }

    public Guid? UploadedBy { get; private set; }

    /// <summary>Set for migrated attachments whose file the old system's export did not contain.</summary>
    public bool IsMissing { get; private set; }

    /// <summary>When the counter compared the scan with the original paper (a certified copy); null otherwise.</summary>
    public DateTimeOffset? CertifiedAt { get; private set; }

    /// <summary>The counter official who compared it.</summary>
    public Guid? CertifiedBy { get; private set; }

    /// <summary>The citizen's store document it was picked from (the store document may since be deleted; the attachment stays).</summary>
    public Guid? StoredDocumentId { get; private set; }

    /// <summary>Where it came from when not uploaded, as the official reads it (set when picked from the citizen's store).</summary>
    public string? Provenance { get; private set; }

    /// <summary>
    /// The client's Idempotency-Key of the upload that made it: the same key sent again for the same dossier finds this attachment
    /// instead of storing the file twice (a retry after a lost answer).
    /// </summary>
    public string? IdempotencyKey { get; private set; }

    /// <summary>Records the client's Idempotency-Key (unique per dossier).</summary>
    public void KeyedBy(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        IdempotencyKey = key;
    }

    /// <summary>An attachment that reuses a document of the applicant's store: the same bytes, and where they came from.</summary>
    public static DossierAttachment FromStore(Guid dossierId, string documentCode, Documents.StoredDocument stored, DateTimeOffset at, Guid uploadedBy)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return new DossierAttachment(dossierId, documentCode, stored.FileName, stored.ContentType, stored.Size, stored.Sha256, at, uploadedBy)
        {
            StoredDocumentId = stored.Id,
            Provenance = Text.Clean(stored.Provenance),
        };
    }

    /// <summary>The counter compared the scan with the original: it is a certified copy (bản sao điện tử có chứng thực).</summary>
    public void Certify(Guid by, DateTimeOffset at)
    {
        if (CertifiedAt is not null)
        {
            return;
        }

        CertifiedAt = at;
        CertifiedBy = by;
    }
}

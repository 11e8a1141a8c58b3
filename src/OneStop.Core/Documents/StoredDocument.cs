using OneStop.Core.Common;

namespace OneStop.Core.Documents;

/// <summary>
/// One document in a citizen's store (kho dữ liệu điện tử của tổ chức, cá nhân): a result issued to them or a certified copy made at the
/// counter. The bytes live in the file store by hash; what is recorded here is what the official will read when it is reused.
/// </summary>
public sealed class StoredDocument
{
    private StoredDocument()
    {
        Title = string.Empty;
        FileName = string.Empty;
        ContentType = string.Empty;
        Sha256 = string.Empty;
        DossierCode = string.Empty;
        AgencyName = string.Empty;
    }

    private StoredDocument(Guid ownerId, StoredDocumentSource source, string title, string fileName, string contentType, long size, string sha256,
        Guid dossierId, string dossierCode, string agencyName, DateTimeOffset issuedAt, DateTimeOffset addedAt)
    {
        Id = Guid.NewGuid();
        OwnerId = ownerId;
        Source = source;
        Title = Text.Clean(title);
        FileName = Text.Clean(fileName);
        ContentType = contentType;
        Size = size;
        Sha256 = sha256;
        DossierId = dossierId;
        DossierCode = Text.Clean(dossierCode);
        AgencyName = Text.Clean(agencyName);
        IssuedAt = issuedAt;
        AddedAt = addedAt;
    }

    /// <summary>A result issued to the applicant of <paramref name="dossierId"/>.</summary>
    public static StoredDocument FromResult(Guid ownerId, Guid issuedDocumentId, string title, string fileName, long size, string sha256,
        Guid dossierId, string dossierCode, string agencyName, DateTimeOffset issuedAt, DateTimeOffset addedAt) =>
        new(ownerId, StoredDocumentSource.Result, title, fileName, "application/pdf", size, sha256, dossierId, dossierCode, agencyName, issuedAt, addedAt)
        {
            IssuedDocumentId = issuedDocumentId,
        };

    /// <summary>A paper the counter scanned and compared with its original (bản sao điện tử đã đối chiếu bản chính).</summary>
    public static StoredDocument FromCertifiedCopy(Guid ownerId, Guid attachmentId, string title, string fileName, string contentType, long size,
        string sha256, Guid dossierId, string dossierCode, string agencyName, DateTimeOffset certifiedAt) =>
        new(ownerId, StoredDocumentSource.CertifiedCopy, title, fileName, contentType, size, sha256, dossierId, dossierCode, agencyName,
            certifiedAt, certifiedAt)
        {
            AttachmentId = attachmentId,
        };

    public Guid Id { get; private set; }

    /// <summary>The citizen's account.</summary>
    public Guid OwnerId { get; private set; }

    public StoredDocumentSource Source { get; private set; }

    /// <summary>What it is, e.g. the result's title or the required document's name.</summary>
    public string Title { get; private set; }

    public string FileName { get; private set; }

    public string ContentType { get; private set; }

    public long Size { get; private set; }

    public string Sha256 { get; private set; }

    /// <summary>The dossier that produced it.</summary>
    public Guid DossierId { get; private set; }

    public string DossierCode { get; private set; }

    /// <summary>The agency that issued or certified it, as named then.</summary>
    public string AgencyName { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }

    /// <summary>The issued result it copies (unique: a result enters the store once).</summary>
    public Guid? IssuedDocumentId { get; private set; }

    /// <summary>The certified attachment it copies (unique).</summary>
    public Guid? AttachmentId { get; private set; }

    /// <summary>Where it came from, in the words the official reads beside a dossier's attachment picked from the store.</summary>
    public string Provenance => Source == StoredDocumentSource.Result
        ? $"Từ kho dữ liệu của công dân — kết quả hồ sơ {DossierCode} do {AgencyName} cấp ngày {VietnameseFormats.Date(IssuedAt)}, đã xác thực"
        : $"Từ kho dữ liệu của công dân — bản sao đã đối chiếu bản chính tại {AgencyName} (hồ sơ {DossierCode}) ngày {VietnameseFormats.Date(IssuedAt)}, đã xác thực";
}

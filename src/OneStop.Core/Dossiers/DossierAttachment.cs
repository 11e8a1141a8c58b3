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
}

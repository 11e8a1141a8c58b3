using OneStop.Core.Common;

namespace OneStop.Core.Documents;

/// <summary>A document OneStop issued (receipt, supplement request, result …): immutable, stored with its hash, verifiable by anyone.</summary>
public sealed class IssuedDocument
{
    private IssuedDocument()
    {
        Kind = string.Empty;
        Title = string.Empty;
        Reference = string.Empty;
        VerificationCode = string.Empty;
        Sha256 = string.Empty;
        Content = [];
        FileName = string.Empty;
    }

    public IssuedDocument(Guid id, Guid? dossierId, Guid agencyId, string kind, string title, string reference, string verificationCode,
        byte[] content, string sha256, string fileName, int pageCount, DateTimeOffset issuedAt, string? issuedBy, Guid? replacesId,
        string? sourceKey = null)
    {
        SourceKey = sourceKey;
        Id = id;
        DossierId = dossierId;
        AgencyId = agencyId;
        Kind = kind;
        Title = Text.Clean(title);
        Reference = reference;
        VerificationCode = verificationCode;
        Content = content;
        Sha256 = sha256;
        FileName = fileName;
        PageCount = pageCount;
        IssuedAt = issuedAt;
        IssuedBy = issuedBy;
        ReplacesId = replacesId;
    }

    public Guid Id { get; private set; }

    public Guid? DossierId { get; private set; }

    public Guid AgencyId { get; private set; }

    /// <summary>receipt, supplementRequest, rejection, apology, controlSlip, register, result.</summary>
    public string Kind { get; private set; }

    public string Title { get; private set; }

    /// <summary>The "Số: …" reference printed on the document.</summary>
    public string Reference { get; private set; }

    /// <summary>The short code printed under the QR code, e.g. K7M2Q-9XH4T.</summary>
    public string VerificationCode { get; private set; }

    public byte[] Content { get; private set; }

    public string Sha256 { get; private set; }

    public string FileName { get; private set; }

    public int PageCount { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }

    public string? IssuedBy { get; private set; }

    /// <summary>What caused the issue (e.g. "outbox:42"), so a repeated request never issues twice.</summary>
    public string? SourceKey { get; private set; }

    /// <summary>The document this one corrects, if any.</summary>
    public Guid? ReplacesId { get; private set; }
}

namespace OneStop.Core.Documents;

/// <summary>How a document came into a citizen's store: a result issued to them, or a paper the counter scanned and compared with its original.</summary>
public enum StoredDocumentSource
{
    Result,
    CertifiedCopy,
}

namespace OneStop.Legacy.Records;

/// <summary>A tep_dinh_kem row; Path is relative to the bundle root with '/' separators, FileMissing when it is not in the bundle.</summary>
public sealed record LegacyAttachment(
    long Line,
    string DossierCode,
    string? DocumentName,
    string FileName,
    string Path,
    long? Size,
    DateTimeOffset? UploadedAt,
    bool FileMissing);

namespace OneStop.Infrastructure.Files;

/// <summary>Where uploaded files are kept and how large they may be (section "FileStore").</summary>
public sealed class FileStoreOptions
{
    public const string Section = "FileStore";

    /// <summary>A directory every app instance reaches (a shared volume in production).</summary>
    public string Root { get; set; } = "../../.local/files";

    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;

    public int MaxFilesPerDossier { get; set; } = 30;
}

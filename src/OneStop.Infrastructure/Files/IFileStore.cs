namespace OneStop.Infrastructure.Files;

/// <summary>Content-addressed storage: a file is stored once under its SHA-256, whoever uploads it.</summary>
public interface IFileStore
{
    /// <summary>Stores the bytes (if new) and returns their SHA-256.</summary>
    Task<string> SaveAsync(byte[] content, CancellationToken cancellationToken = default);

    /// <summary>Streams the bytes into the store (if new) and returns their SHA-256 and length; nothing is held in memory.</summary>
    Task<(string Sha256, long Size)> SaveAsync(Stream content, CancellationToken cancellationToken = default);

    /// <summary>
    /// As <see cref="SaveAsync(Stream, CancellationToken)"/>, with the temporary file named after its owner (letters, digits and '-',
    /// e.g. an import run), so that the owner can remove what a write cut by kill -9 left behind with <see cref="SweepTemporaryFiles"/>.
    /// </summary>
    Task<(string Sha256, long Size)> SaveAsync(Stream content, string owner, CancellationToken cancellationToken = default);

    Task<Stream?> OpenAsync(string sha256, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes the temporary files of writes that were cut (a stored file only ever appears by an atomic rename, so these are never
    /// content): every one of <paramref name="owner"/>, whatever its age (the caller knows it has no write in progress), and any other
    /// not written to for <paramref name="olderThan"/> (a write in progress keeps its file's time fresh). Returns how many were deleted.
    /// </summary>
    int SweepTemporaryFiles(TimeSpan olderThan, string? owner = null);

    /// <summary>The SHA-256 of every stored file not written (nor saved again) for <paramref name="olderThan"/>.</summary>
    IEnumerable<string> StoredOlderThan(TimeSpan olderThan);

    /// <summary>Deletes a stored file if it is still not written for <paramref name="olderThan"/>; false when it was refreshed meanwhile or is gone.</summary>
    bool DeleteIfOlder(string sha256, TimeSpan olderThan);
}

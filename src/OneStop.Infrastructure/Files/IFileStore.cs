namespace OneStop.Infrastructure.Files;

/// <summary>Content-addressed storage: a file is stored once under its SHA-256, whoever uploads it.</summary>
public interface IFileStore
{
    /// <summary>Stores the bytes (if new) and returns their SHA-256.</summary>
    Task<string> SaveAsync(byte[] content, CancellationToken cancellationToken = default);

    /// <summary>Streams the bytes into the store (if new) and returns their SHA-256 and length; nothing is held in memory.</summary>
    Task<(string Sha256, long Size)> SaveAsync(Stream content, CancellationToken cancellationToken = default);

    Task<Stream?> OpenAsync(string sha256, CancellationToken cancellationToken = default);
}

namespace OneStop.Infrastructure.Files;

/// <summary>A hook to scan uploads before they are stored; the default lets everything through.</summary>
public interface IVirusScanner
{
    /// <summary>Returns null when clean, or the reason the file is refused.</summary>
    Task<string?> ScanAsync(byte[] content, string fileName, CancellationToken cancellationToken = default);
}

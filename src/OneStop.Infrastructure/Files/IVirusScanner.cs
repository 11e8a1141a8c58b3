namespace OneStop.Infrastructure.Files;

/// <summary>A hook to scan uploads before they are stored; the default lets everything through.</summary>
public interface IVirusScanner
{
    /// <summary>Returns null when clean, or the reason the file is refused; the content is read as a stream.</summary>
    Task<string?> ScanAsync(Stream content, string fileName, CancellationToken cancellationToken = default);
}

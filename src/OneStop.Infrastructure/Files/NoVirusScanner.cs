namespace OneStop.Infrastructure.Files;

internal sealed class NoVirusScanner : IVirusScanner
{
    public Task<string?> ScanAsync(Stream content, string fileName, CancellationToken cancellationToken = default) => Task.FromResult<string?>(null);
}

namespace OneStop.Legacy.Bundles;

internal sealed class FolderStorage(string root) : IBundleStorage
{
    private readonly string _root = Path.GetFullPath(root);

    public bool Exists(string relativePath) => Resolve(relativePath) is { } path && File.Exists(path);

    public Stream Open(string relativePath) =>
        new FileStream(
            Resolve(relativePath) ?? throw new FileNotFoundException(relativePath),
            new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read, Share = FileShare.Read, Options = FileOptions.SequentialScan, BufferSize = 1 << 16 });

    public void Dispose()
    {
    }

    private string? Resolve(string relativePath)
    {
        var full = Path.GetFullPath(Path.Combine(_root, relativePath));
        return full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }
}

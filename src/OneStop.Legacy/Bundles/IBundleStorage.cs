namespace OneStop.Legacy.Bundles;

/// <summary>Where a bundle's files live: a folder or a zip archive; paths are relative with '/' separators.</summary>
internal interface IBundleStorage : IDisposable
{
    bool Exists(string relativePath);

    Stream Open(string relativePath);
}

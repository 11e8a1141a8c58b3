using System.IO.Compression;

namespace OneStop.Legacy.Bundles;

/// <summary>Reads entries of a zip one stream at a time; the bundle may sit at the root or in one top-level folder.</summary>
internal sealed class ZipStorage : IBundleStorage
{
    private readonly ZipArchive _archive;
    private readonly string _prefix;

    public ZipStorage(string path)
    {
        try
        {
            _archive = ZipFile.OpenRead(path);
        }
        catch (InvalidDataException ex)
        {
            throw BundleException.Of($"Tệp nén không hợp lệ: {Path.GetFileName(path)}", $"Not a valid zip archive: {Path.GetFileName(path)}", ex);
        }

        _prefix = FindPrefix(_archive);
    }

    public bool Exists(string relativePath) => _archive.GetEntry(_prefix + relativePath) is not null;

    public Stream Open(string relativePath) =>
        (_archive.GetEntry(_prefix + relativePath) ?? throw new FileNotFoundException(relativePath)).Open();

    public void Dispose() => _archive.Dispose();

    private static string FindPrefix(ZipArchive archive)
    {
        if (archive.GetEntry(ManifestReader.FileName) is not null)
        {
            return string.Empty;
        }

        var nested = archive.Entries
            .Select(e => e.FullName)
            .Where(n => n.EndsWith("/" + ManifestReader.FileName, StringComparison.Ordinal) && n.IndexOf('/', StringComparison.Ordinal) == n.Length - ManifestReader.FileName.Length - 1)
            .Take(2)
            .ToList();
        return nested.Count == 1 ? nested[0][..^ManifestReader.FileName.Length] : string.Empty;
    }
}

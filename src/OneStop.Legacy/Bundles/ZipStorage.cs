using System.IO.Compression;

namespace OneStop.Legacy.Bundles;

/// <summary>
/// Reads entries of a zip one stream at a time; the bundle may sit at the root or in one top-level folder. Each entry is checked
/// before it is read — no larger than <see cref="MaxEntryBytes"/>, no more compressed than <see cref="MaxRatio"/> to 1 (a zip bomb)
/// — and read through a stream capped at the size its header declares.
/// </summary>
internal sealed class ZipStorage : IBundleStorage
{
    /// <summary>The largest entry read (a whole province's dossier table stays well under it).</summary>
    public const long MaxEntryBytes = 16L * 1024 * 1024 * 1024;

    /// <summary>How much smaller than its content an entry may be compressed; ordinary CSV and PDF stay far below.</summary>
    public const long MaxRatio = 200;

    private const long RatioCheckedFrom = 1024 * 1024;

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

    public Stream Open(string relativePath)
    {
        var entry = _archive.GetEntry(_prefix + relativePath) ?? throw new FileNotFoundException(relativePath);
        if (entry.Length > MaxEntryBytes)
        {
            throw BundleException.Of($"Tệp {relativePath} trong gói nén quá lớn ({entry.Length} byte, tối đa {MaxEntryBytes}).",
                $"{relativePath} in the archive is too large ({entry.Length} bytes, at most {MaxEntryBytes}).");
        }

        if (entry.Length > RatioCheckedFrom && entry.Length > MaxRatio * Math.Max(1, entry.CompressedLength))
        {
            throw BundleException.Of($"Tệp {relativePath} trong gói nén bị nén bất thường (hơn {MaxRatio} lần): gói không an toàn.",
                $"{relativePath} in the archive is compressed more than {MaxRatio} to 1: the archive is not safe to read.");
        }

        return new CappedStream(entry.Open(), entry.Length, relativePath);
    }

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

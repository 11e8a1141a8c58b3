using System.Text;

namespace OneStop.Legacy.Bundles;

/// <summary>An opened mclt-export bundle (folder or .zip) whose manifest and listed files have been checked.</summary>
public sealed class LegacyBundle : IDisposable
{
    private readonly IBundleStorage _storage;

    private LegacyBundle(string path, IBundleStorage storage, BundleManifest manifest)
    {
        Path = path;
        _storage = storage;
        Manifest = manifest;
        Encoding = BundleEncodings.Resolve(manifest.Encoding);
    }

    /// <summary>The folder or .zip the bundle was opened from.</summary>
    public string Path { get; }

    /// <summary>The checked manifest.</summary>
    public BundleManifest Manifest { get; }

    /// <summary>The CSV encoding: null for UTF-8 (with or without BOM), otherwise Windows-1258.</summary>
    public Encoding? Encoding { get; }

    /// <summary>Opens a folder or a .zip bundle and checks its manifest and listed files, or throws <see cref="BundleException"/>.</summary>
    public static LegacyBundle Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        IBundleStorage storage;
        if (Directory.Exists(path))
        {
            storage = new FolderStorage(path);
        }
        else if (File.Exists(path))
        {
            storage = new ZipStorage(path);
        }
        else
        {
            throw BundleException.Of($"Không tìm thấy gói dữ liệu: {path}", $"Bundle not found: {path}");
        }

        try
        {
            var manifest = ReadManifest(storage);
            foreach (var table in LegacyTables.All)
            {
                var file = manifest.Files[table];
                if (BundlePath.Normalize(file) is not { } relative || !storage.Exists(relative))
                {
                    throw BundleException.Of(
                        $"Thiếu tệp '{file}' của bảng '{table}' được khai báo trong manifest.json",
                        $"File '{file}' listed in manifest.json for table '{table}' is missing");
                }
            }

            return new LegacyBundle(path, storage, manifest);
        }
        catch
        {
            storage.Dispose();
            throw;
        }
    }

    /// <summary>The file name of a table's CSV as listed in the manifest, e.g. "ho_so.csv".</summary>
    public string FileOf(string table) => Manifest.Files[table];

    /// <summary>Whether a file (relative to the bundle root, already normalised by <see cref="BundlePath"/>) exists.</summary>
    public bool FileExists(string relativePath) => _storage.Exists(relativePath);

    /// <summary>Opens a file of the bundle, such as an attachment, for reading (also from a zip while a table streams; not thread-safe).</summary>
    public Stream OpenFile(string relativePath) => _storage.Open(relativePath);

    public void Dispose() => _storage.Dispose();

    internal Stream OpenTable(string table) => _storage.Open(BundlePath.Normalize(Manifest.Files[table])!);

    private static BundleManifest ReadManifest(IBundleStorage storage)
    {
        if (!storage.Exists(ManifestReader.FileName))
        {
            throw BundleException.Of("Gói dữ liệu không có tệp manifest.json", "The bundle has no manifest.json");
        }

        using var stream = storage.Open(ManifestReader.FileName);
        return ManifestReader.Read(stream);
    }
}

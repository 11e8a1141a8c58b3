using System.IO.Compression;
using OneStop.Legacy.Bundles;

namespace OneStop.Legacy.Tests.Bundles;

/// <summary>Zip entries are checked before they are read and never inflate past what their header declares.</summary>
public sealed class ZipStorageTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "onestop-zip-" + Guid.NewGuid().ToString("N") + ".zip");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void An_entry_compressed_like_a_zip_bomb_is_refused_before_it_is_read()
    {
        using (var zip = ZipFile.Open(_path, ZipArchiveMode.Create))
        {
            using var entry = zip.CreateEntry("dossiers.csv", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 64; i++)
            {
                entry.Write(zeros);
            }
        }

        using var storage = new ZipStorage(_path);

        var refused = Assert.Throws<BundleException>(() => storage.Open("dossiers.csv"));
        Assert.Contains("nén bất thường", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ordinary_entry_reads_whole()
    {
        using (var zip = ZipFile.Open(_path, ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(zip.CreateEntry("agencies.csv").Open());
            writer.Write("code,name\nSGTVT,Sở Giao thông vận tải\n");
        }

        using var storage = new ZipStorage(_path);
        using var reader = new StreamReader(storage.Open("agencies.csv"));

        Assert.Equal("code,name\nSGTVT,Sở Giao thông vận tải\n", reader.ReadToEnd());
    }

    [Fact]
    public void A_stream_that_gives_more_than_its_cap_stops_with_a_bundle_error()
    {
        using var capped = new CappedStream(new MemoryStream(new byte[100]), 10, "dossiers.csv");
        var buffer = new byte[64];

        Assert.Throws<BundleException>(() => capped.Read(buffer, 0, buffer.Length));
    }
}

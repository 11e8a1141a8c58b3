using System.Text.Json.Nodes;
using OneStop.Legacy.Analysis;
using OneStop.Legacy.Bundles;
using OneStop.Legacy.Tests.Support;

namespace OneStop.Legacy.Tests.Bundles;

/// <summary>An unusable bundle fails with a BundleException (Vietnamese / English) before any row is produced.</summary>
public sealed class ManifestTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Theory]
    [InlineData("format", "\"mclt-export-2\"", "mclt-export-2")]
    [InlineData("formatVersion", "2", "formatVersion")]
    [InlineData("formatVersion", "\"1\"", "formatVersion")]
    [InlineData("encoding", "\"latin-1\"", "latin-1")]
    [InlineData("delimiter", "\"::\"", "delimiter")]
    [InlineData("sourceSystem", "\"Một cửa\\u0000cũ\"", "sourceSystem")] // a control character (PostgreSQL text cannot hold NUL)
    public async Task A_bad_manifest_value_is_a_bundle_error(string property, string json, string mentioned)
    {
        var folder = _temp.CopyFixture("utf8");
        EditManifest(folder, m => m[property] = JsonNode.Parse(json));

        var error = await Assert.ThrowsAsync<BundleException>(() => LegacyBundleAnalyzer.OpenAsync(folder));
        Assert.Contains(mentioned, error.Message, StringComparison.Ordinal);
        Assert.Contains(" / ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(300, false)]
    [InlineData(301, true)]
    public async Task A_source_system_name_longer_than_the_import_keeps_is_a_bundle_error(int length, bool refused)
    {
        var folder = _temp.CopyFixture("utf8");
        var name = "Một cửa liên thông " + new string('x', length - "Một cửa liên thông ".Length);
        EditManifest(folder, m => m["sourceSystem"] = name);

        if (!refused)
        {
            using var analyzer = await LegacyBundleAnalyzer.OpenAsync(folder);
            Assert.Equal(name, analyzer.Bundle.Manifest.SourceSystem);
            return;
        }

        var error = await Assert.ThrowsAsync<BundleException>(() => LegacyBundleAnalyzer.OpenAsync(folder));
        Assert.Contains("sourceSystem", error.Message, StringComparison.Ordinal);
        Assert.Contains("301", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_listed_file_is_a_bundle_error_naming_it()
    {
        var folder = _temp.CopyFixture("utf8");
        File.Delete(Path.Combine(folder, "qua_trinh.csv"));

        var error = await Assert.ThrowsAsync<BundleException>(() => LegacyBundleAnalyzer.OpenAsync(folder));
        Assert.Contains("qua_trinh.csv", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("Thiếu tệp", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_table_missing_from_files_is_a_bundle_error()
    {
        var folder = _temp.CopyFixture("utf8");
        EditManifest(folder, m => m["files"]!.AsObject().Remove("can_bo"));

        var error = await Assert.ThrowsAsync<BundleException>(() => LegacyBundleAnalyzer.OpenAsync(folder));
        Assert.Contains("can_bo", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_manifest_or_bundle_is_a_bundle_error()
    {
        var folder = _temp.CopyFixture("utf8");
        File.Delete(Path.Combine(folder, "manifest.json"));

        await Assert.ThrowsAsync<BundleException>(() => LegacyBundleAnalyzer.OpenAsync(folder));
        await Assert.ThrowsAsync<BundleException>(() => LegacyBundleAnalyzer.OpenAsync(_temp.Combine("nowhere")));
        await File.WriteAllTextAsync(_temp.Combine("not-a.zip"), "plain text");
        await Assert.ThrowsAsync<BundleException>(() => LegacyBundleAnalyzer.OpenAsync(_temp.Combine("not-a.zip")));
    }

    [Fact]
    public async Task Invalid_manifest_json_is_a_bundle_error()
    {
        var folder = _temp.CopyFixture("utf8");
        await File.WriteAllTextAsync(Path.Combine(folder, "manifest.json"), "{ \"format\": ");

        var error = await Assert.ThrowsAsync<BundleException>(() => LegacyBundleAnalyzer.OpenAsync(folder));
        Assert.Contains("JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_column_in_any_table_is_a_bundle_error_before_rows()
    {
        var folder = _temp.CopyFixture("utf8");
        var path = Path.Combine(folder, "tep_dinh_kem.csv");
        var text = await File.ReadAllTextAsync(path);
        await File.WriteAllTextAsync(path, text.Replace("duong_dan", "duong_dan_cu", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<BundleException>(() => LegacyBundleAnalyzer.OpenAsync(folder));
        Assert.Contains("duong_dan", error.Message, StringComparison.Ordinal);
        Assert.Contains("tep_dinh_kem.csv", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_whose_manifest_is_missing_a_file_is_a_bundle_error()
    {
        var folder = _temp.CopyFixture("windows-1258");
        File.Delete(Path.Combine(folder, "don_vi.csv"));

        Assert.Throws<BundleException>(() => LegacyBundle.Open(_temp.Zip(folder)));
    }

    public void Dispose() => _temp.Dispose();

    private static void EditManifest(string folder, Action<JsonObject> edit)
    {
        var path = Path.Combine(folder, "manifest.json");
        var manifest = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(manifest);
        File.WriteAllText(path, manifest.ToJsonString());
    }
}

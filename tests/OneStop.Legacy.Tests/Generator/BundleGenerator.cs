using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using OneStop.Legacy.Bundles;
using OneStop.Legacy.Reporting;

namespace OneStop.Legacy.Tests.Generator;

/// <summary>Writes mclt-export bundles of any size with chosen defects, streaming, deterministic from the seed, with the counts a reader must find.</summary>
public static class BundleGenerator
{
    public static readonly IReadOnlyDictionary<string, string[]> Columns = new Dictionary<string, string[]>
    {
        [LegacyTables.Agencies] = ["ma_don_vi", "ten_don_vi", "ma_don_vi_cha", "cap"],
        [LegacyTables.Fields] = ["ma_linh_vuc", "ten_linh_vuc"],
        [LegacyTables.Procedures] = ["ma_thu_tuc", "ten_thu_tuc", "ma_linh_vuc", "ma_don_vi", "so_ngay_giai_quyet", "le_phi", "muc_do"],
        [LegacyTables.Officials] = ["ten_dang_nhap", "ho_ten", "ma_don_vi", "chuc_vu", "email", "dien_thoai", "trang_thai"],
        [LegacyTables.Dossiers] =
        [
            "so_ho_so", "ma_thu_tuc", "ma_don_vi", "nguoi_nop", "so_giay_to", "ngay_sinh", "dia_chi", "dien_thoai", "email", "kenh_nop",
            "ngay_nop", "ngay_hen_tra", "ngay_hoan_thanh", "ngay_tra_ket_qua", "trang_thai", "can_bo_xu_ly", "ghi_chu",
        ],
        [LegacyTables.History] = ["so_ho_so", "thu_tu", "thoi_diem", "ten_dang_nhap", "ma_don_vi", "hanh_dong", "noi_dung"],
        [LegacyTables.Attachments] = ["so_ho_so", "ten_giay_to", "ten_tep", "duong_dan", "kich_thuoc", "ngay_tai_len"],
    };

    /// <summary>Writes the bundle as directory/name (a folder) or directory/name.zip and returns it with its expected counts and issues.</summary>
    public static GeneratedBundle Write(string directory, BundleSpec spec, string name = "bundle")
    {
        ArgumentNullException.ThrowIfNull(spec);
        var folder = Path.Combine(directory, spec.Layout == BundleLayout.Zip ? name + ".src" : name);
        Directory.CreateDirectory(folder);
        var counts = new Dictionary<string, ExpectedCounter>();
        foreach (var table in LegacyTables.All)
        {
            counts[table] = new ExpectedCounter();
        }

        var issues = new List<ExpectedIssue>();
        WriteReference(folder, spec, counts);
        var open = new DossierTablesWriter(folder, spec, counts, issues).Write();
        WriteManifest(folder, spec, counts);
        var path = folder;
        if (spec.Layout == BundleLayout.Zip)
        {
            path = Path.Combine(directory, name + ".zip");
            File.Delete(path);
            ZipFile.CreateFromDirectory(folder, path, CompressionLevel.Fastest, includeBaseDirectory: false);
            Directory.Delete(folder, recursive: true);
        }

        return new GeneratedBundle(path, spec, counts.ToDictionary(c => c.Key, c => c.Value.ToTable()), issues, open);
    }

    /// <summary>The counters an analyzer's report should hold for a table of this bundle.</summary>
    public static bool Matches(this ExpectedTable expected, TableCounters actual) =>
        expected.Read == actual.Read && expected.Imported == actual.Imported && expected.Superseded == actual.Superseded
        && expected.Orphaned == actual.Orphaned && expected.ParentRejected == actual.ParentRejected
        && expected.Rejected == actual.Rejected && expected.Warnings == actual.Warnings;

    internal static string FileOf(string table) => table + ".csv";

    private static void WriteReference(string folder, BundleSpec spec, Dictionary<string, ExpectedCounter> counts)
    {
        Write(folder, spec, LegacyTables.Agencies, ReferenceData.Agencies, counts);
        Write(folder, spec, LegacyTables.Fields, ReferenceData.Fields, counts);
        Write(folder, spec, LegacyTables.Procedures, ReferenceData.Procedures, counts);
        Write(folder, spec, LegacyTables.Officials, ReferenceData.Officials(), counts);
    }

    private static void Write(string folder, BundleSpec spec, string table, IEnumerable<string[]> rows, Dictionary<string, ExpectedCounter> counts)
    {
        using var writer = new GeneratorCsvWriter(Path.Combine(folder, FileOf(table)), Columns[table], spec);
        foreach (var row in rows)
        {
            writer.Write(row);
            counts[table].Read++;
        }
    }

    private static void WriteManifest(string folder, BundleSpec spec, Dictionary<string, ExpectedCounter> counts)
    {
        using var stream = File.Create(Path.Combine(folder, "manifest.json"));
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("format", "mclt-export");
        json.WriteNumber("formatVersion", 1);
        json.WriteString("sourceSystem", "Một cửa liên thông điện tử tỉnh Lạng Sơn (dữ liệu sinh tự động)");
        json.WriteString("exportedAt", spec.ExportedAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteString("encoding", spec.Encoding == BundleEncoding.Windows1258 ? "windows-1258" : "utf-8");
        json.WriteString("delimiter", spec.Delimiter.ToString());
        json.WriteStartObject("files");
        foreach (var table in LegacyTables.All)
        {
            json.WriteString(table, FileOf(table));
        }

        json.WriteEndObject();
        json.WriteStartObject("rowCounts");
        foreach (var table in LegacyTables.All)
        {
            json.WriteNumber(table, counts[table].Read);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }
}

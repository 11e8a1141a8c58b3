using System.Text;
using OneStop.Documents.Tests.Support;

namespace OneStop.Documents.Tests.Forms;

public class RegisterCsvTests
{
    [Fact]
    public void Csv_is_utf8_with_bom_one_line_per_dossier_and_nfc()
    {
        var m = Samples.Register(25);
        var csv = Renderer.Instance.ExportRegisterCsv(m);
        Assert.Equal(DocumentKind.RegisterCsv, csv.Kind);
        Assert.Equal([0xEF, 0xBB, 0xBF], csv.Content.Take(3));
        var text = Encoding.UTF8.GetString(csv.Content, 3, csv.Content.Length - 3);
        Assert.Equal(text.Normalize(NormalizationForm.FormC), text);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(26, lines.Length);
        Assert.StartsWith("STT,Mã hồ sơ,Tên thủ tục hành chính,", lines[0], StringComparison.Ordinal);
        Assert.Contains(m.Entries[0].ApplicantName.Normalize(NormalizationForm.FormC), lines[1], StringComparison.Ordinal);
        Assert.Contains("\"Số nhà 128, ngõ 45", lines[1], StringComparison.Ordinal);
        Assert.Contains("09:00 01/12/2026", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(".csv", csv.FileName, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_neutralises_spreadsheet_formulas()
    {
        var m = Samples.Register(1) with { };
        m = m with { Entries = [m.Entries[0] with { ApplicantName = "=HYPERLINK(\"http://evil\")" }] };
        var text = Encoding.UTF8.GetString(Renderer.Instance.ExportRegisterCsv(m).Content);
        Assert.DoesNotContain(",=HYPERLINK", text, StringComparison.Ordinal);
        Assert.DoesNotContain(",\"=HYPERLINK", text, StringComparison.Ordinal);
    }
}

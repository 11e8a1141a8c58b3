using System.Text;
using CsvHelper;
using OneStop.Documents.Models;

namespace OneStop.Documents.Forms;

// The register as CSV: UTF-8 with BOM so that Excel shows Vietnamese correctly.
internal static class RegisterCsv
{
    private static readonly CsvWriterOptions Options = new()
    {
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
    };

    public static byte[] Export(RegisterModel m)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, Options, leaveOpen: true))
        {
            foreach (var header in RegisterForm.Headers)
            {
                csv.WriteField(Nfc(header));
            }

            csv.EndRecord();
            foreach (var entry in m.Entries)
            {
                foreach (var cell in RegisterForm.Cells(entry))
                {
                    csv.WriteField(Nfc(cell.Replace('\n', ' ')));
                }

                csv.EndRecord();
            }
        }

        return stream.ToArray();
    }

    private static string Nfc(string s) => s.Normalize(NormalizationForm.FormC);
}

using System.Diagnostics;
using System.Globalization;

namespace OneStop.Documents.Tests.Support;

/// <summary>Writes a PDF and its last page as PNG (poppler's pdftoppm draws annotation appearances) under the test output's "rendered" folder, for eyes to check.</summary>
public static class PngPages
{
    public static string Write(string name, byte[] pdf)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "rendered", name);
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, name + ".pdf");
        File.WriteAllBytes(file, pdf);
        using var doc = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var last = doc.NumberOfPages.ToString(CultureInfo.InvariantCulture);
        var psi = new ProcessStartInfo("pdftoppm") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-r", "110", "-png", "-f", last, "-l", last, file, Path.Combine(folder, "page") })
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi) ?? throw new InvalidOperationException("pdftoppm did not start");
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, err);
        return folder;
    }
}

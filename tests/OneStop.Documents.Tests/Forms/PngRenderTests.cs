using System.Diagnostics;
using OneStop.Documents.Tests.Support;

namespace OneStop.Documents.Tests.Forms;

/// <summary>Renders every form to PNG with poppler's pdftoppm (into the test output's "rendered" folder) for eyes to check.</summary>
public class PngRenderTests
{
    public static TheoryData<string> Names => AllForms.Names();

    [Theory]
    [MemberData(nameof(Names))]
    public void Form_renders_to_png(string name)
    {
        var doc = AllForms.Render(name);
        var folder = Path.Combine(AppContext.BaseDirectory, "rendered", name);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        var pdf = Path.Combine(folder, name + ".pdf");
        File.WriteAllBytes(pdf, doc.Content);

        // Long documents: the first three pages and the last one are enough to see the flow.
        Run("pdftoppm", "-r", "70", "-png", "-l", "3", pdf, Path.Combine(folder, "page"));
        if (doc.PageCount > 3)
        {
            Run("pdftoppm", "-r", "70", "-png", "-f", doc.PageCount.ToString(System.Globalization.CultureInfo.InvariantCulture), pdf, Path.Combine(folder, "page"));
        }

        var pngs = Directory.GetFiles(folder, "page-*.png");
        Assert.NotEmpty(pngs);
        Assert.All(pngs, p => Assert.True(new FileInfo(p).Length > 2000, $"{p} looks empty"));
    }

    private static void Run(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"{file} did not start");
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{file} failed ({p.ExitCode}): {err}");
    }
}

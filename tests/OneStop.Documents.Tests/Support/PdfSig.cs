using System.Diagnostics;
using System.Text.RegularExpressions;

namespace OneStop.Documents.Tests.Support;

/// <summary>Runs poppler's pdfsig on a PDF and reads its report, signature by signature.</summary>
public static partial class PdfSig
{
    public sealed record Signature(int Number, string Text)
    {
        public string? CommonName => Field("Signer Certificate Common Name");

        public string? Validation => Field("Signature Validation");

        public string? Type => Field("Signature Type");

        public string? HashAlgorithm => Field("Signing Hash Algorithm");

        public bool TotalDocumentSigned => Text.Contains("Total document signed", StringComparison.Ordinal);

        private string? Field(string name) => Regex.Match(Text, $@"- {Regex.Escape(name)}: (.*)").Groups[1].Value.Trim() is { Length: > 0 } v ? v : null;
    }

    public static List<Signature> Run(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"onestop-pdfsig-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            var psi = new ProcessStartInfo("pdfsig") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            psi.ArgumentList.Add(path);
            using var p = Process.Start(psi) ?? throw new InvalidOperationException("pdfsig did not start");
            var output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
            p.WaitForExit();
            return [.. Blocks().Split(output).Skip(1).Select((text, i) => new Signature(i + 1, text))];
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static void AssertValid(Signature s, string expectedSigner)
    {
        Assert.True(s.Validation == "Signature is Valid.", $"pdfsig: {s.Text}");
        Assert.Equal(expectedSigner, s.CommonName);
        Assert.Equal("ETSI.CAdES.detached", s.Type);
        Assert.Equal("SHA-256", s.HashAlgorithm);
    }

    [GeneratedRegex(@"Signature #\d+:")]
    private static partial Regex Blocks();
}

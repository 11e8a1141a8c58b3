using System.Diagnostics;
using System.Globalization;
using OneStop.Benchmarks.Harness;
using OneStop.Documents;
using OneStop.Documents.Signing;
using OneStop.Documents.Signing.Development;
using OneStop.Documents.Signing.Verification;

namespace OneStop.Benchmarks.Documents;

/// <summary>
/// CPU cost of digital signatures on the receipt, beside the unsigned render in the same run: render; render + the
/// counter official's signature (PKCS#12, RSA 2048, PAdES B-B); render + official + agency seal; verifying the result.
/// Single-threaded; CPU time of this process per document, the median of the rounds.
/// </summary>
internal static class SigningBenchmark
{
    private const string Password = "bench";

    public static async Task<int> RunAsync(RunnerOptions options)
    {
        Console.WriteLine("== signing: Giấy tiếp nhận hồ sơ, ký số PAdES ==");
        Console.Write(MachineInfo.Describe());
        var renderer = new DocumentService();
        using var ca = DevelopmentCertificateAuthority.Create("Benchmark");
        using var official = Pkcs12DocumentSigner.Load(ca.ExportPkcs12(ca.IssuePerson("Lường Văn Đức", "Trung tâm Phục vụ hành chính công"), Password), Password);
        using var seal = Pkcs12DocumentSigner.Load(ca.ExportPkcs12(ca.IssueSeal("Trung tâm Phục vụ hành chính công tỉnh Lạng Sơn"), Password), Password);
        var service = new PdfSigningService();
        var verifier = new PdfSignatureVerifier([ca.Root]);
        var details = new SignatureDetails { Location = "Lạng Sơn", DocumentTitle = "Giấy tiếp nhận hồ sơ và hẹn trả kết quả" };
        var models = Enumerable.Range(1, 64).Select(SampleReceipt.Create).ToArray();
        var i = 0;

        RenderedDocument Render() => renderer.RenderReceipt(models[i++ % models.Length]);
        SigningStep Official() => new(official, SignatureAppearance.Person("Lường Văn Đức", "NGƯỜI TIẾP NHẬN HỒ SƠ"));
        SigningStep Seal() => new(seal, SignatureAppearance.Seal("Trung tâm Phục vụ hành chính công tỉnh Lạng Sơn"));

        var sample = Render();
        var signedOne = await service.SignAsync(sample.Content, sample.SignatureSlots, [Official()], details, CancellationToken.None).ConfigureAwait(false);
        var signedTwo = await service.SignAsync(sample.Content, sample.SignatureSlots, [Official(), Seal()], details, CancellationToken.None).ConfigureAwait(false);
        if (!verifier.Verify(signedTwo).IsValid)
        {
            Console.Error.WriteLine("the signed sample does not verify");
            return 1;
        }

        var perRound = Math.Max(10, (int)options.Measure.TotalSeconds * 10);
        (string Name, Func<Task> Work)[] cases =
        [
            ("render (unsigned)", () => Task.FromResult(Render())),
            ("render + official's signature", async () =>
            {
                var d = Render();
                await service.SignAsync(d.Content, d.SignatureSlots, [Official()], details, CancellationToken.None).ConfigureAwait(false);
            }),
            ("render + official + agency seal", async () =>
            {
                var d = Render();
                await service.SignAsync(d.Content, d.SignatureSlots, [Official(), Seal()], details, CancellationToken.None).ConfigureAwait(false);
            }),
            ("verify two signatures", () => Task.FromResult(verifier.Verify(signedTwo))),
        ];
        var medians = await CpuMs(cases, options, perRound).ConfigureAwait(false);
        var (render, one, two, verify) = (medians[0], medians[1], medians[2], medians[3]);

        Console.WriteLine($"RESULT receipt_render_ms {Fmt.N(render, 2)} ms");
        Console.WriteLine($"RESULT receipt_sign_ms {Fmt.N(one - render, 2)} ms");
        Console.WriteLine($"RESULT receipt_render_and_sign_ms {Fmt.N(one, 2)} ms");
        Console.WriteLine($"RESULT receipt_sign_official_and_seal_ms {Fmt.N(two - render, 2)} ms");
        Console.WriteLine($"RESULT receipt_verify_two_signatures_ms {Fmt.N(verify, 2)} ms");
        Console.WriteLine($"RESULT receipt_unsigned_kb {Fmt.N(sample.Content.Length / 1024.0, 1)} KB");
        Console.WriteLine($"RESULT receipt_signed_one_kb {Fmt.N(signedOne.Length / 1024.0, 1)} KB");
        Console.WriteLine($"RESULT receipt_signed_two_kb {Fmt.N(signedTwo.Length / 1024.0, 1)} KB");
        Console.WriteLine($"load after: {MachineInfo.LoadAverage()}");
        return 0;
    }

    // CPU milliseconds of this process per call. The cases take turns round by round, so that a shared machine's load
    // weighs on all of them alike; the median round of each is kept.
    private static async Task<double[]> CpuMs((string Name, Func<Task> Work)[] cases, RunnerOptions options, int count)
    {
        foreach (var (_, work) in cases)
        {
            var warm = Stopwatch.StartNew();
            while (warm.Elapsed < options.Warmup / cases.Length)
            {
                await work().ConfigureAwait(false);
            }
        }

        var rounds = cases.Select(_ => new List<double>()).ToArray();
        using var self = Process.GetCurrentProcess();
        for (var r = 0; r < options.Rounds; r++)
        {
            for (var c = 0; c < cases.Length; c++)
            {
                self.Refresh();
                var before = self.TotalProcessorTime;
                for (var k = 0; k < count; k++)
                {
                    await cases[c].Work().ConfigureAwait(false);
                }

                self.Refresh();
                rounds[c].Add((self.TotalProcessorTime - before).TotalMilliseconds / count);
            }
        }

        var medians = new double[cases.Length];
        for (var c = 0; c < cases.Length; c++)
        {
            var sorted = rounds[c].Order().ToList();
            medians[c] = sorted[sorted.Count / 2];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{cases[c].Name,-34} {medians[c],8:0.00} CPU ms/document (rounds {sorted[0]:0.00}–{sorted[^1]:0.00}, {count} per round)"));
        }

        return medians;
    }
}

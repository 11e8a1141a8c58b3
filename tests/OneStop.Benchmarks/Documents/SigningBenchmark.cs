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
        var render = await CpuMs("render (unsigned)", options, perRound, () => Task.FromResult(Render()));
        var one = await CpuMs("render + official's signature", options, perRound, async () =>
        {
            var d = Render();
            return await service.SignAsync(d.Content, d.SignatureSlots, [Official()], details, CancellationToken.None).ConfigureAwait(false);
        });
        var two = await CpuMs("render + official + agency seal", options, perRound, async () =>
        {
            var d = Render();
            return await service.SignAsync(d.Content, d.SignatureSlots, [Official(), Seal()], details, CancellationToken.None).ConfigureAwait(false);
        });
        var verify = await CpuMs("verify two signatures", options, perRound, () => Task.FromResult(verifier.Verify(signedTwo)));

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

    // CPU milliseconds of this process per call: warm-up, then rounds of `count` calls; the median round.
    private static async Task<double> CpuMs<T>(string name, RunnerOptions options, int count, Func<Task<T>> work)
    {
        var warmUntil = Stopwatch.StartNew();
        while (warmUntil.Elapsed < options.Warmup)
        {
            await work().ConfigureAwait(false);
        }

        var rounds = new List<double>();
        using var self = Process.GetCurrentProcess();
        for (var r = 0; r < options.Rounds; r++)
        {
            self.Refresh();
            var before = self.TotalProcessorTime;
            for (var k = 0; k < count; k++)
            {
                await work().ConfigureAwait(false);
            }

            self.Refresh();
            rounds.Add((self.TotalProcessorTime - before).TotalMilliseconds / count);
        }

        rounds.Sort();
        var median = rounds[rounds.Count / 2];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-34} {median,8:0.00} CPU ms/document (rounds {rounds[0]:0.00}–{rounds[^1]:0.00}, {count} per round)"));
        return median;
    }
}

using OneStop.Documents.Signing;
using OneStop.Documents.Signing.Remote;
using OneStop.Documents.Signing.Verification;
using OneStop.Documents.Tests.Support;

namespace OneStop.Documents.Tests.Signing;

/// <summary>Remote signing ("ký số từ xa") through the simulator: confirmed, refused, expired, answered with a CMS, and completed later.</summary>
public class RemoteSigningTests
{
    private const string Account = "vi.van.thang@ca.test";
    private static readonly SignatureDetails Details = new() { Location = "Lạng Sơn", DocumentTitle = "Giấy phép xây dựng – H37.15-261205-0042" };

    private static RemoteSigningSimulator Simulator(bool cms = false)
    {
        var simulator = new RemoteSigningSimulator { ReturnCms = cms };
        simulator.AddAccount(Account, TestCa.Authority.ExportPkcs12(TestCa.Authority.IssuePerson(TestCa.Leader, TestCa.Agency), "p"), "p");
        return simulator;
    }

    private static RemoteSigningOptions Fast => new() { PollInterval = TimeSpan.FromMilliseconds(10), Timeout = TimeSpan.FromSeconds(30) };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_confirmed_remote_signature_then_the_local_seal_are_both_valid(bool caBuildsTheCms)
    {
        var simulator = Simulator(caBuildsTheCms);
        var doc = Renderer.Instance.RenderResult(Samples.Result());
        using var seal = TestCa.SealSigner();
        var signed = await new PdfSigningService().SignAsync(doc.Content, doc.SignatureSlots,
            [new SigningStep(new RemoteDocumentSigner(simulator, Account, Fast), SignatureAppearance.Person(TestCa.Leader, "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")),
             new SigningStep(seal, SignatureAppearance.Seal(TestCa.Agency))],
            Details, CancellationToken.None);

        var request = Assert.Single(simulator.Requests);
        Assert.Equal("OneStop: ký số Giấy phép xây dựng – H37.15-261205-0042", request.Request.Message);
        Assert.Equal(32, request.Request.DataToBeSignedDigest.Length);
        var pdfsig = PdfSig.Run(signed);
        PdfSig.AssertValid(pdfsig[0], TestCa.Leader);
        PdfSig.AssertValid(pdfsig[1], TestCa.Agency);
        Assert.True(new PdfSignatureVerifier([TestCa.Authority.Root]).Verify(signed).IsValid);
    }

    [Fact]
    public async Task A_refusal_on_the_device_stops_signing_with_a_clear_message()
    {
        var simulator = Simulator();
        simulator.AutoConfirmAfter = null;
        var doc = Renderer.Instance.RenderRejection(Samples.Rejection());
        var signing = new PdfSigningService().SignAsync(doc.Content, doc.SignatureSlots,
            [new SigningStep(new RemoteDocumentSigner(simulator, Account, Fast), SignatureAppearance.Person(TestCa.Leader, "PHÓ GIÁM ĐỐC"))],
            Details, CancellationToken.None);
        while (simulator.Requests.Count == 0)
        {
            await Task.Delay(5);
        }

        simulator.Deny(simulator.Requests[0].Id, "Sai nội dung");
        var e = await Assert.ThrowsAsync<SigningException>(() => signing);
        Assert.Equal(SigningErrors.Denied, e.Code);
        Assert.Equal("Người ký đã từ chối ký số trên thiết bị (Sai nội dung); văn bản chưa được ký.", e.Message);
    }

    [Fact]
    public async Task A_request_nobody_confirms_expires()
    {
        var time = new ManualTime(DateTimeOffset.UtcNow);
        var simulator = new RemoteSigningSimulator(time) { AutoConfirmAfter = null, ExpiresAfter = TimeSpan.FromMinutes(3) };
        simulator.AddAccount(Account, TestCa.Authority.ExportPkcs12(TestCa.Authority.IssuePerson(TestCa.Leader), "p"), "p");
        var signer = new RemoteDocumentSigner(simulator, Account, new RemoteSigningOptions { PollInterval = TimeSpan.FromSeconds(1), Timeout = TimeSpan.FromMinutes(10) }, time);
        var pending = signer.SignAsync(new SignatureRequest(new byte[32], new byte[32], "Văn bản"), CancellationToken.None);
        while (!pending.IsCompleted)
        {
            time.Advance(TimeSpan.FromSeconds(30));
            await Task.Delay(1);
        }

        var e = await Assert.ThrowsAsync<SigningException>(() => pending);
        Assert.Equal(SigningErrors.Expired, e.Code);
    }

    [Fact]
    public async Task A_prepared_signature_can_be_completed_later_when_the_ca_answers()
    {
        var simulator = Simulator();
        simulator.AutoConfirmAfter = null;
        var service = new PdfSigningService();
        var doc = Renderer.Instance.RenderReceipt(Samples.Receipt());
        var certificate = await simulator.GetCertificateAsync(Account, CancellationToken.None);

        // Step 1 (the official's action): prepare, submit, store the prepared signature and the transaction id.
        var prepared = service.Prepare(doc.Content, OneStop.Documents.Signing.Appearance.SignaturePlacement.For(doc.SignatureSlots, SignatureAppearance.Person(TestCa.Leader)),
            SignatureAppearance.Person(TestCa.Leader), certificate, Details);
        var id = await simulator.SubmitAsync(new RemoteSigningRequest(Account, prepared.DataToBeSignedDigest, prepared.DocumentDigest, "OneStop"), CancellationToken.None);
        Assert.Equal(RemoteSigningState.Pending, (await simulator.GetStatusAsync(id, CancellationToken.None)).State);
        var stored = System.Text.Json.JsonSerializer.Serialize(prepared);

        // Step 2 (later, another host): the person confirmed; complete from what was stored.
        simulator.Confirm(id);
        var status = await simulator.GetStatusAsync(id, CancellationToken.None);
        var restored = System.Text.Json.JsonSerializer.Deserialize<PreparedSignature>(stored)!;
        var signed = await service.CompleteAsync(restored, status.Signature!, CancellationToken.None);
        PdfSig.AssertValid(Assert.Single(PdfSig.Run(signed)), TestCa.Leader);
    }

    [Fact]
    public async Task A_signature_that_does_not_match_the_prepared_document_is_rejected()
    {
        var service = new PdfSigningService();
        var doc = Renderer.Instance.RenderReceipt(Samples.Receipt());
        using var leader = TestCa.LeaderSigner();
        var prepared = service.Prepare(doc.Content, OneStop.Documents.Signing.Appearance.SignaturePlacement.Invisible,
            SignatureAppearance.Person(TestCa.Leader), leader.Certificate, Details);
        var wrong = await leader.SignAsync(new SignatureRequest(new byte[32], new byte[32], "x"), CancellationToken.None);
        var e = await Assert.ThrowsAsync<SigningException>(() => service.CompleteAsync(prepared, wrong, CancellationToken.None));
        Assert.Equal(SigningErrors.InvalidSignature, e.Code);
    }

    private sealed class ManualTime(DateTimeOffset start) : TimeProvider
    {
        private long _ticks = start.UtcTicks;

        public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            System.CreateTimer(callback, state, TimeSpan.FromMilliseconds(1), Timeout.InfiniteTimeSpan);
    }
}

using System.Text;
using OneStop.Documents.Signing;
using OneStop.Documents.Signing.Appearance;
using OneStop.Documents.Signing.Development;
using OneStop.Documents.Signing.TimeStamping;
using OneStop.Documents.Signing.Verification;
using OneStop.Documents.Tests.Support;

namespace OneStop.Documents.Tests.Signing;

public class TimeStampAndRefusalTests
{
    private static readonly SignatureDetails Details = new() { Location = "Lạng Sơn" };

    [Fact]
    public async Task With_a_time_stamp_authority_each_signature_carries_a_valid_token()
    {
        var tsa = TestCa.TimeStampAuthority();
        using var handler = new InProcessTimeStampHandler(tsa);
        using var http = new HttpClient(handler);
        var service = new PdfSigningService(new HttpTimeStampClient(http, new Uri("http://tsa.test/")));
        var doc = Renderer.Instance.RenderApology(Samples.Apology());
        using var leader = TestCa.LeaderSigner();
        using var seal = TestCa.SealSigner();
        var signed = await service.SignAsync(doc.Content, doc.SignatureSlots,
            [new SigningStep(leader, SignatureAppearance.Person(TestCa.Leader, "GIÁM ĐỐC")), new SigningStep(seal, SignatureAppearance.Seal(TestCa.Agency))],
            Details, CancellationToken.None);

        Assert.Equal(2, handler.Requests);
        Assert.Equal(2, tsa.Issued);
        var report = new PdfSignatureVerifier([TestCa.Authority.Root]).Verify(signed);
        Assert.True(report.IsValid, string.Join("; ", report.Signatures.SelectMany(s => s.Problems)));
        Assert.All(report.Signatures, s =>
        {
            Assert.True(s.TimeStampValid);
            Assert.NotNull(s.TimeStamp);
            Assert.True(Math.Abs((s.TimeStamp!.Value - s.ClaimedSigningTime!.Value).TotalMinutes) < 5);
        });
        var pdfsig = PdfSig.Run(signed);
        PdfSig.AssertValid(pdfsig[0], TestCa.Leader);
        PdfSig.AssertValid(pdfsig[1], TestCa.Agency);
        Assert.True(pdfsig[1].TotalDocumentSigned);
    }

    [Fact]
    public async Task A_time_stamp_authority_that_fails_leaves_nothing_signed()
    {
        using var http = new HttpClient(new FailingHandler());
        var service = new PdfSigningService(new HttpTimeStampClient(http, new Uri("http://tsa.test/")));
        var doc = Renderer.Instance.RenderApology(Samples.Apology());
        using var leader = TestCa.LeaderSigner();
        var e = await Assert.ThrowsAsync<SigningException>(() => service.SignAsync(doc.Content, doc.SignatureSlots,
            [new SigningStep(leader, SignatureAppearance.Person(TestCa.Leader, "GIÁM ĐỐC"))], Details, CancellationToken.None));
        Assert.Equal(SigningErrors.TimeStampFailed, e.Code);
        Assert.Contains("dấu thời gian", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_certificate_is_refused_before_anything_is_signed()
    {
        var now = DateTimeOffset.UtcNow;
        var expired = TestCa.Authority.IssuePerson("Hoàng Văn Minh", TestCa.Agency, now.AddYears(-3), now.AddDays(-2));
        using var signer = Pkcs12DocumentSigner.Load(TestCa.Authority.ExportPkcs12(expired, "p"), "p");
        using var seal = TestCa.SealSigner();
        var doc = Renderer.Instance.RenderApology(Samples.Apology());

        // The seal comes second: its certificate is fine, but the expired one stops the whole document first.
        var e = await Assert.ThrowsAsync<SigningException>(() => new PdfSigningService().SignAsync(doc.Content, doc.SignatureSlots,
            [new SigningStep(seal, SignatureAppearance.Seal(TestCa.Agency)), new SigningStep(signer, SignatureAppearance.Person("Hoàng Văn Minh", "GIÁM ĐỐC"))],
            Details, CancellationToken.None));
        Assert.Equal(SigningErrors.CertificateExpired, e.Code);
        Assert.StartsWith("Chứng thư số của Hoàng Văn Minh đã hết hạn ngày ", e.Message, StringComparison.Ordinal);
        Assert.Contains("Không thể ký số văn bản", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_certificate_not_yet_valid_is_refused_with_its_start_date()
    {
        var now = DateTimeOffset.UtcNow;
        var future = TestCa.Authority.IssuePerson("Nông Thị Hà", TestCa.Agency, now.AddDays(3), now.AddYears(1));
        var e = Assert.Throws<SigningException>(() => CertificateChecks.EnsureUsable(TestCa.Authority.Chain(future), now));
        Assert.Equal(SigningErrors.CertificateNotYetValid, e.Code);
        Assert.StartsWith("Chứng thư số của Nông Thị Hà chưa có hiệu lực (có hiệu lực từ ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_password_is_told_in_vietnamese()
    {
        var pfx = TestCa.Authority.ExportPkcs12(TestCa.Authority.IssuePerson("Bùi Quang Long"), "right");
        var e = Assert.Throws<SigningException>(() => Pkcs12DocumentSigner.Load(pfx, "wrong"));
        Assert.Equal(SigningErrors.WrongPassword, e.Code);
        Assert.Contains("sai mật khẩu", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Appearance_text_is_nfc_whatever_the_input()
    {
        var nfd = SignatureAppearance.Person("Nguyễn Thị Phương Thảo".Normalize(NormalizationForm.FormD), "PHÓ GIÁM ĐỐC".Normalize(NormalizationForm.FormD));
        var lines = AppearanceRenderer.Lines(nfd, DateTimeOffset.UtcNow);
        Assert.All(lines, l => Assert.True(l.Text.IsNormalized(NormalizationForm.FormC), l.Text));
        Assert.Equal("Ký số bởi: Nguyễn Thị Phương Thảo", lines[0].Text);
        Assert.Equal("PHÓ GIÁM ĐỐC", lines[1].Text);
        var seal = AppearanceRenderer.Lines(SignatureAppearance.Seal("Sở Xây dựng".Normalize(NormalizationForm.FormD)), new DateTimeOffset(2026, 12, 5, 2, 15, 30, TimeSpan.Zero));
        Assert.Equal("Sở Xây dựng", seal[0].Text);
        Assert.Equal("Ký số: 2026-12-05T09:15:30+07:00", seal[1].Text);
    }

    [Fact]
    public async Task A_form_without_a_signing_space_gets_an_invisible_valid_signature()
    {
        var doc = Renderer.Instance.RenderControlSlip(Samples.ControlSlip());
        Assert.False(SignaturePlacement.For(doc.SignatureSlots, SignatureAppearance.Seal(TestCa.Agency)).IsVisible);
        using var seal = TestCa.SealSigner();
        var signed = await new PdfSigningService().SignAsync(doc.Content, doc.SignatureSlots,
            [new SigningStep(seal, SignatureAppearance.Seal(TestCa.Agency))], Details, CancellationToken.None);
        PdfSig.AssertValid(Assert.Single(PdfSig.Run(signed)), TestCa.Agency);
    }

    [Fact]
    public async Task A_pdf_not_made_by_onestop_is_refused_clearly()
    {
        using var seal = TestCa.SealSigner();
        var e = await Assert.ThrowsAsync<SigningException>(() => new PdfSigningService().SignAsync("%PDF-1.7\nnot really"u8.ToArray(), [],
            [new SigningStep(seal, SignatureAppearance.Seal(TestCa.Agency))], Details, CancellationToken.None));
        Assert.Equal(SigningErrors.UnsupportedDocument, e.Code);
    }

    private sealed class FailingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.ServiceUnavailable));
    }
}

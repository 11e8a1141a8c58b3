using OneStop.Documents.Signing;
using OneStop.Documents.Signing.Verification;
using OneStop.Documents.Tests.Support;

namespace OneStop.Documents.Tests.Signing;

/// <summary>The verifier and pdfsig agree on intact, altered and extended documents.</summary>
public class VerificationTests
{
    private static readonly Lazy<Task<byte[]>> Signed = new(SignResultAsync);

    internal static async Task<byte[]> SignResultAsync()
    {
        var doc = Renderer.Instance.RenderResult(Samples.Result());
        using var leader = TestCa.LeaderSigner();
        using var seal = TestCa.SealSigner();
        return await new PdfSigningService().SignAsync(doc.Content, doc.SignatureSlots,
            [new SigningStep(leader, SignatureAppearance.Person(TestCa.Leader, "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")),
             new SigningStep(seal, SignatureAppearance.Seal(TestCa.Agency))],
            new SignatureDetails { Reason = "Phê duyệt kết quả giải quyết hồ sơ", Location = "Lạng Sơn" }, CancellationToken.None);
    }

    private static PdfSignatureVerifier Verifier() => new([TestCa.Authority.Root]);

    [Fact]
    public async Task Two_intact_signatures_the_first_followed_only_by_the_seal()
    {
        var report = Verifier().Verify(await Signed.Value);
        Assert.True(report.IsValid, System.Text.Json.JsonSerializer.Serialize(report));
        Assert.Collection(report.Signatures,
            leader =>
            {
                Assert.Equal(1, leader.Number);
                Assert.Equal("OneStop.Signature.1", leader.FieldName);
                Assert.Equal(TestCa.Leader, leader.SignerName);
                Assert.Equal(TestCa.Agency, leader.SignerOrganization);
                Assert.Equal(SignatureIntegrity.Intact, leader.Integrity);
                Assert.False(leader.CoversWholeDocument);
                Assert.Equal(ChangesAfterSigning.LaterSignaturesOnly, leader.ChangesAfter);
                Assert.Equal(CertificateTrust.Trusted, leader.Trust);
                Assert.Equal("ETSI.CAdES.detached", leader.SubFilter);
                Assert.Equal("Phê duyệt kết quả giải quyết hồ sơ", leader.Reason);
                Assert.Equal("Lạng Sơn", leader.Location);
                Assert.Equal("OneStop Test Development Issuing CA", leader.IssuerName);
                Assert.NotNull(leader.ClaimedSigningTime);
                Assert.True(Math.Abs((DateTimeOffset.UtcNow - leader.ClaimedSigningTime!.Value).TotalMinutes) < 10);
                Assert.Null(leader.TimeStamp);
                Assert.Empty(leader.Problems);
            },
            seal =>
            {
                Assert.Equal(TestCa.Agency, seal.SignerName);
                Assert.True(seal.CoversWholeDocument);
                Assert.Equal(ChangesAfterSigning.None, seal.ChangesAfter);
                Assert.True(seal.IsValid);
            });
    }

    [Fact]
    public async Task A_byte_changed_after_signing_is_reported_altered_by_us_and_by_pdfsig()
    {
        var bytes = (byte[])(await Signed.Value).Clone();

        // A character of the page content, inside both signatures' ranges: the first revision's page stream.
        var at = IndexOf(bytes, "stream\n"u8) + 40;
        bytes[at] ^= 0x01;

        var report = Verifier().Verify(bytes);
        Assert.False(report.IsValid);
        Assert.All(report.Signatures, s => Assert.Equal(SignatureIntegrity.Altered, s.Integrity));
        Assert.All(report.Signatures, s => Assert.Contains(s.Problems, p => p.Contains("đã bị thay đổi", StringComparison.Ordinal)));
        Assert.All(PdfSig.Run(bytes), s => Assert.NotEqual("Signature is Valid.", s.Validation));
    }

    [Fact]
    public async Task A_byte_changed_in_the_seal_revision_leaves_the_leader_signature_intact()
    {
        var bytes = (byte[])(await Signed.Value).Clone();
        var report = Verifier().Verify(bytes);
        var at = (int)report.Signatures[0].SignedLength + 20;
        bytes[at] ^= 0x01;

        var after = Verifier().Verify(bytes);
        Assert.Equal(SignatureIntegrity.Intact, after.Signatures[0].Integrity);
        Assert.Equal(SignatureIntegrity.Altered, after.Signatures[1].Integrity);
        Assert.Equal(ChangesAfterSigning.Modified, after.Signatures[0].ChangesAfter);
        var pdfsig = PdfSig.Run(bytes);
        Assert.Equal("Signature is Valid.", pdfsig[0].Validation);
        Assert.NotEqual("Signature is Valid.", pdfsig[1].Validation);
    }

    [Fact]
    public async Task Bytes_appended_after_the_last_signature_are_modified_after_signing()
    {
        var signed = await Signed.Value;
        var extended = signed.Concat("\n% added later\n"u8.ToArray()).ToArray();
        var report = Verifier().Verify(extended);
        Assert.False(report.IsValid);
        Assert.All(report.Signatures, s => Assert.Equal(SignatureIntegrity.Intact, s.Integrity));
        Assert.All(report.Signatures, s => Assert.Equal(ChangesAfterSigning.Modified, s.ChangesAfter));
        Assert.Contains(report.Signatures[1].Problems, p => p.Contains("thay đổi sau khi ký", StringComparison.Ordinal));
        Assert.False(PdfSig.Run(extended)[1].TotalDocumentSigned);
    }

    [Fact]
    public async Task A_signature_from_another_ca_is_intact_but_untrusted()
    {
        using var other = OneStop.Documents.Signing.Development.DevelopmentCertificateAuthority.Create("Other");
        var report = new PdfSignatureVerifier([other.Root]).Verify(await Signed.Value);
        Assert.All(report.Signatures, s =>
        {
            Assert.Equal(SignatureIntegrity.Intact, s.Integrity);
            Assert.Equal(CertificateTrust.Untrusted, s.Trust);
            Assert.Contains(s.Problems, p => p.Contains("tin cậy", StringComparison.Ordinal));
        });
        Assert.False(report.IsValid);
        Assert.Equal(CertificateTrust.Unknown, new PdfSignatureVerifier([]).Verify(await Signed.Value).Signatures[0].Trust);
    }

    [Fact]
    public void An_unsigned_pdf_and_a_non_pdf_are_reported_as_such()
    {
        var unsigned = Verifier().Verify(Renderer.Instance.RenderReceipt(Samples.Receipt()).Content);
        Assert.False(unsigned.IsSigned);
        Assert.False(unsigned.IsValid);
        Assert.Null(unsigned.Problem);
        var text = Verifier().Verify("hello"u8.ToArray());
        Assert.Equal("Tệp không phải là văn bản PDF.", text.Problem);
    }

    [Fact]
    public async Task The_signed_pdf_reads_back_whole_with_pdfpig_and_its_signature_names_are_nfc()
    {
        var signed = await Signed.Value;
        Renderer.AssertContains(PdfReadBack.Text(signed), "GIẤY PHÉP XÂY DỰNG", "Vi Văn Thắng");
        var report = Verifier().Verify(signed);
        Assert.All(report.Signatures, s => Assert.True(s.SignerName!.IsNormalized(System.Text.NormalizationForm.FormC)));
    }

    internal static int IndexOf(byte[] bytes, ReadOnlySpan<byte> what) => bytes.AsSpan().IndexOf(what);
}

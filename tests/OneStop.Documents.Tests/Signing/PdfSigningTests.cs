using OneStop.Documents.Signing;
using OneStop.Documents.Tests.Forms;
using OneStop.Documents.Tests.Support;

namespace OneStop.Documents.Tests.Signing;

/// <summary>Signed documents as poppler's pdfsig and PdfPig see them.</summary>
public class PdfSigningTests
{
    private static readonly SignatureDetails Details = new() { Reason = "Phê duyệt kết quả", Location = "Lạng Sơn", DocumentTitle = "Giấy phép xây dựng" };

    [Fact]
    public async Task The_leader_then_the_agency_seal_both_valid_and_the_last_covers_the_whole_document()
    {
        var doc = Renderer.Instance.RenderResult(Samples.Result());
        using var leader = TestCa.LeaderSigner();
        using var seal = TestCa.SealSigner();
        var signed = await new PdfSigningService().SignAsync(doc.Content, doc.SignatureSlots,
            [new SigningStep(leader, SignatureAppearance.Person(TestCa.Leader, "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")),
             new SigningStep(seal, SignatureAppearance.Seal(TestCa.Agency))],
            Details, CancellationToken.None);

        var report = PdfSig.Run(signed);
        Assert.Equal(2, report.Count);
        PdfSig.AssertValid(report[0], TestCa.Leader);
        PdfSig.AssertValid(report[1], TestCa.Agency);
        Assert.False(report[0].TotalDocumentSigned);
        Assert.True(report[1].TotalDocumentSigned, report[1].Text);

        // The page text is untouched and still extractable; the rendered bytes are the first revision, unchanged.
        Renderer.AssertContains(PdfReadBack.Text(signed), "GIẤY PHÉP XÂY DỰNG", "Vi Văn Thắng", "KT. GIÁM ĐỐC");
        Assert.True(signed.AsSpan(0, doc.Content.Length).SequenceEqual(doc.Content));
        PngPages.Write("signed-result", signed);
    }

    [Theory]
    [MemberData(nameof(SignatureSlotTests.Signed), MemberType = typeof(SignatureSlotTests))]
    public async Task Every_signed_form_is_valid_for_pdfsig(string form, string title, string name)
    {
        _ = title;
        var doc = SignatureSlotTests.Render(form);
        var atCounter = form is "receipt" or "withdrawal";
        using var person = atCounter ? TestCa.CounterSigner() : TestCa.LeaderSigner();
        var signerName = atCounter ? TestCa.Counter : TestCa.Leader;
        var signed = await new PdfSigningService().SignAsync(doc.Content, doc.SignatureSlots,
            [new SigningStep(person, SignatureAppearance.Person(signerName, name))], Details, CancellationToken.None);
        var s = Assert.Single(PdfSig.Run(signed));
        PdfSig.AssertValid(s, signerName);
        Assert.True(s.TotalDocumentSigned);
        Assert.Equal(PdfReadBack.Text(doc.Content), PdfReadBack.Text(signed));
    }
}

using OneStop.Documents.Tests.Support;
using UglyToad.PdfPig;

namespace OneStop.Documents.Tests.Forms;

/// <summary>The rendered document says where each signing space was drawn: under the signer's title, above the printed name.</summary>
public class SignatureSlotTests
{
    public static TheoryData<string, string, string> Signed => new()
    {
        { "receipt", "NGƯỜI TIẾP NHẬN HỒ SƠ", "Lường Văn Đức" },
        { "supplement", "NGƯỜI HƯỚNG DẪN", "Hoàng Thị Quỳnh Anh" },
        { "rejection", "PHÓ GIÁM ĐỐC", "Vi Văn Thắng" },
        { "apology", "GIÁM ĐỐC", "Hoàng Văn Minh" },
        { "result", "PHÓ GIÁM ĐỐC", "Vi Văn Thắng" },
        { "stop", "PHÓ GIÁM ĐỐC", "Vi Văn Thắng" },
        { "withdrawal", "NGƯỜI XÁC NHẬN", "Lường Văn Đức" },
    };

    [Theory]
    [MemberData(nameof(Signed))]
    public void The_signer_slot_lies_between_the_title_and_the_name(string form, string title, string name)
    {
        var doc = Render(form);
        var slot = Assert.Single(doc.SignatureSlots, s => s.Key == SignatureSlotKeys.Signer);
        using var pdf = PdfDocument.Open(doc.Content);
        var page = pdf.GetPage(slot.PageIndex + 1);
        var titleLine = Line(page, title.Split(' ')[^1]);
        var nameLine = Line(page, name.Split(' ')[^1]);
        Assert.True(titleLine > slot.Top - 1, $"title baseline {titleLine} should be above the slot top {slot.Top}");
        Assert.True(nameLine < slot.Bottom, $"name baseline {nameLine} should be below the slot bottom {slot.Bottom}");
        Assert.True(slot.Height > 40 && slot.Width > 100, $"slot {slot} is too small to sign in");
        Assert.True(slot.Left >= 0 && slot.Right <= page.Width && slot.Bottom >= 0 && slot.Top <= page.Height);
    }

    [Fact]
    public void The_receipt_reports_the_applicant_slot_on_the_left_and_the_official_on_the_right()
    {
        var doc = Render("receipt");
        var applicant = Assert.Single(doc.SignatureSlots, s => s.Key == SignatureSlotKeys.Applicant);
        var signer = Assert.Single(doc.SignatureSlots, s => s.Key == SignatureSlotKeys.Signer);
        Assert.True(applicant.Right <= signer.Left);
        Assert.Equal(applicant.Bottom, signer.Bottom, 3);
    }

    [Fact]
    public void Forms_without_a_signature_block_report_no_slot()
    {
        Assert.Empty(Renderer.Instance.RenderControlSlip(Samples.ControlSlip()).SignatureSlots);
        Assert.Empty(Renderer.Instance.RenderRegister(Samples.Register()).SignatureSlots);
    }

    [Fact]
    public void A_signature_pushed_to_the_next_page_reports_that_page()
    {
        var doc = Renderer.Instance.RenderReceipt(Samples.Receipt(40));
        Assert.True(doc.PageCount > 1);
        Assert.All(doc.SignatureSlots, s => Assert.Equal(doc.PageCount - 1, s.PageIndex));
    }

    internal static RenderedDocument Render(string form)
    {
        var s = Renderer.Instance;
        return form switch
        {
            "receipt" => s.RenderReceipt(Samples.Receipt()),
            "supplement" => s.RenderSupplementRequest(Samples.Supplement()),
            "rejection" => s.RenderRejection(Samples.Rejection()),
            "apology" => s.RenderApology(Samples.Apology()),
            "stop" => s.RenderStopProcessing(Samples.StopProcessing()),
            "withdrawal" => s.RenderWithdrawalConfirmation(Samples.Withdrawal()),
            _ => s.RenderResult(Samples.Result()),
        };
    }

    private static double Line(UglyToad.PdfPig.Content.Page page, string word) =>
        page.GetWords().Last(w => w.Text.Normalize() == word.Normalize()).Letters[0].StartBaseLine.Y;
}

using OneStop.Documents.Tests.Support;

namespace OneStop.Documents.Tests.Forms;

public class MultiPageTests
{
    private static readonly DocumentService Service = Renderer.Instance;

    [Fact]
    public void Control_slip_with_80_steps_flows_over_pages_with_the_header_row_on_each()
    {
        var m = Samples.ControlSlip(80);
        var doc = Service.RenderControlSlip(m);
        var pages = PdfReadBack.PageTexts(doc.Content);
        Assert.True(pages.Count >= 5, $"expected many pages, got {pages.Count}");
        Assert.Equal(doc.PageCount, pages.Count);

        // Every page but the verification tail carries the repeated table header.
        var tablePages = pages.Where(p => p.Contains("Bước ", StringComparison.Ordinal)).ToList();
        Assert.All(tablePages, p => Assert.Contains("Thời gian giao, nhận hồ sơ", p, StringComparison.Ordinal));
        var all = string.Join(" ", pages);
        for (var i = 1; i <= 80; i++)
        {
            Assert.Contains($"Cán bộ Nguyễn Văn Bình {i}", all, StringComparison.Ordinal);
        }

        Assert.Contains("Đánh giá: Trước hạn", pages[^1], StringComparison.Ordinal);
        Assert.Contains("Mã xác thực: K7M2Q-9XH4T", pages[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Register_with_500_rows_repeats_the_header_on_every_page_and_loses_no_row()
    {
        var m = Samples.Register(500);
        var doc = Service.RenderRegister(m);
        var pages = PdfReadBack.PageTexts(doc.Content);
        Assert.True(pages.Count >= 20, $"expected many pages, got {pages.Count}");
        var tablePages = pages.Where(p => p.Contains("H37.15-", StringComparison.Ordinal)).ToList();
        Assert.True(tablePages.Count >= pages.Count - 1);
        Assert.All(tablePages, p => Assert.Contains("STT Mã hồ sơ Tên thủ tục hành chính", p, StringComparison.Ordinal));
        var all = string.Join(" ", pages);
        foreach (var e in m.Entries)
        {
            Assert.Contains($"{e.Number} {e.DossierCode}", all, StringComparison.Ordinal);
        }

        Assert.Contains("Tổng số hồ sơ: 500", all, StringComparison.Ordinal);
    }

    [Fact]
    public void Receipt_with_40_documents_keeps_the_signatures_together_and_not_alone_on_a_page()
    {
        var doc = Service.RenderReceipt(Samples.Receipt(40));
        var pages = PdfReadBack.PageTexts(doc.Content);
        Assert.True(pages.Count >= 3);
        var signaturePage = pages.Single(p => p.Contains("NGƯỜI NỘP HỒ SƠ", StringComparison.Ordinal));
        Assert.Contains("NGƯỜI TIẾP NHẬN HỒ SƠ", signaturePage, StringComparison.Ordinal);
        Assert.Contains("Lường Văn Đức", signaturePage, StringComparison.Ordinal);
        Assert.Contains("7QX-42M", signaturePage, StringComparison.Ordinal);
        Assert.Contains("Mã xác thực: K7M2Q-9XH4T", signaturePage, StringComparison.Ordinal);
    }
}

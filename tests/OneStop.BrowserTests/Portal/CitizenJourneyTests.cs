using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OneStop.BrowserTests.Foundation;
using OneStop.Testing;

namespace OneStop.BrowserTests.Portal;

public sealed partial class CitizenJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

    [Theory]
    [InlineData("desktop", 1280, 900)]
    [InlineData("phone", 390, 844)]
    public async Task A_citizen_applies_pays_the_fee_follows_the_dossier_and_rates_it(string device, int width, int height)
    {
        var page = await app.NewPageAsync(width, height);
        await page.SignInAsync(DemoAccounts.Citizen);

        await page.GotoAsync("/");
        await page.GetByLabel("Tìm thủ tục").First.FillAsync("giay phep lai xe");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm thủ tục" }).ClickAsync();
        await page.GetByTestId("procedure").First.ClickAsync();
        await page.GetByTestId("apply").ClickAsync();

        await page.GetByLabel("Số giấy phép lái xe").FillAsync("20012345");
        await page.GetByLabel("Hạng giấy phép").SelectOptionAsync("B");
        await Assertions.Expect(page.GetByTestId("autosave-status")).ToContainTextAsync("Đã lưu bản nháp lúc");
        await page.GetByLabel("Qua dịch vụ bưu chính").CheckAsync();
        await page.Locator("#PostalAddress").FillAsync("");
        foreach (var (label, name) in new[] { ("Đơn đề nghị đổi giấy phép lái xe", "don.pdf"), ("Giấy khám sức khỏe của người lái xe", "gksk.pdf"), ("Bản sao giấy phép lái xe", "gplx.pdf") })
        {
            await page.GetByLabel(label).SetInputFilesAsync(new FilePayload { Name = name, MimeType = "application/pdf", Buffer = Pdf });
        }

        await page.GetByTestId("submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("form-errors")).ToContainTextAsync("Địa chỉ nhận qua bưu chính: bắt buộc nhập");
        await Assertions.Expect(page.GetByLabel("Số giấy phép lái xe")).ToHaveValueAsync("20012345");
        await page.Locator("#PostalAddress").FillAsync("Số 12 đường Bà Triệu, phường Lương Văn Tri, Lạng Sơn");
        await page.GetByTestId("submit").ClickAsync();

        await Assertions.Expect(page.GetByTestId("submitted")).ToBeVisibleAsync();
        var code = await page.GetByTestId("dossier-code").InnerTextAsync();
        Assert.Matches(DossierCode(), code);
        await Assertions.Expect(page.GetByTestId("timeline")).ToContainTextAsync("Nộp hồ sơ");
        await Assertions.Expect(page.GetByTestId("payment-status")).ToHaveTextAsync("Chưa thanh toán");
        await BrowserApp.ScreenshotAsync(page, $"journey-{device}-submitted");
        await AssertAccessibleAsync(page, "dossier page");

        await page.GetByTestId("pay").ClickAsync();
        await Assertions.Expect(page.GetByTestId("bank-amount")).ToHaveTextAsync("135.000 đồng");
        await AssertAccessibleAsync(page, "simulated bank");
        await page.GetByTestId("bank-cancel").ClickAsync();
        await Assertions.Expect(page.GetByTestId("payment-notice")).ToContainTextAsync("Bạn đã hủy thanh toán");
        await page.GetByTestId("pay").ClickAsync();
        await page.GetByTestId("bank-pay").ClickAsync();
        await Assertions.Expect(page.GetByTestId("payment-notice")).ToContainTextAsync("Thanh toán lệ phí thành công");
        await Assertions.Expect(page.GetByTestId("payment-status")).ToContainTextAsync("Đã thanh toán");
        await Assertions.Expect(page.GetByTestId("documents")).ToContainTextAsync("Biên lai thu phí, lệ phí");

        // The counter accepts; the specialist asks for a supplement (officials' steps, driven through the engine).
        var scenario = new DossierScenario(app.Services);
        await scenario.ActAsync(code, "accept", "Đủ thành phần hồ sơ");
        await scenario.ActAsync(code, "requestSupplement", "Giấy khám sức khỏe đã quá 6 tháng, đề nghị nộp giấy mới");
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("Chờ bổ sung");
        await Assertions.Expect(page.GetByTestId("supplement")).ToContainTextAsync("Giấy khám sức khỏe đã quá 6 tháng, đề nghị nộp giấy mới");
        await AssertAccessibleAsync(page, "supplement request");
        await page.GetByTestId("supplement").GetByLabel("Giấy khám sức khỏe của người lái xe").SetInputFilesAsync(new FilePayload
        {
            Name = "gksk-moi.png", MimeType = "image/png", Buffer = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13],
        });
        await page.GetByLabel("Ghi chú cho cán bộ (không bắt buộc)").FillAsync("Đã nộp giấy khám sức khỏe mới");
        await BrowserApp.ScreenshotAsync(page, $"journey-{device}-supplement");
        await page.GetByTestId("resubmit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("Đang xử lý");
        await Assertions.Expect(page.GetByTestId("supplement")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("timeline")).ToContainTextAsync("Nộp bổ sung");
        Assert.True(await AttachedAsync(code, "GKSK", "gksk-moi.png"));

        await scenario.DriveToEndAsync(code, new Dictionary<string, object?> { ["licenceClass"] = "B", ["deliverByPost"] = true });
        await scenario.DeliverEffectsAsync();
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("Đã trả kết quả");
        await Assertions.Expect(page.GetByTestId("documents")).ToContainTextAsync("Kết quả giải quyết thủ tục hành chính");
        await Assertions.Expect(page.GetByTestId("timeline")).ToContainTextAsync("Phê duyệt");

        // The result is downloaded as a file, and it is the dossier's result PDF.
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByTestId("documents").GetByRole(AriaRole.Link, new() { Name = "Kết quả giải quyết thủ tục hành chính" }).ClickAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);
        var result = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(result, 0, 5));
        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(result))
        {
            Assert.True(pdf.NumberOfPages >= 1);
        }

        Assert.Contains(code, PdfText.Of(result), StringComparison.Ordinal);
        await page.GetByLabel("4", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Góp ý (không bắt buộc)").FillAsync("Thủ tục nhanh, không phải đi lại");
        await page.GetByTestId("rate").ClickAsync();
        await Assertions.Expect(page.GetByTestId("rating-score")).ToHaveTextAsync("4/5");

        await page.GotoAsync("/thong-bao");
        await Assertions.Expect(page.GetByTestId("notifications")).ToContainTextAsync($"Hồ sơ {code}: đã thanh toán lệ phí 135.000 đồng.");
        await AssertAccessibleAsync(page, "notifications");
        await BrowserApp.ScreenshotAsync(page, $"journey-{device}-notifications");
    }

    private async Task<bool> AttachedAsync(string code, string documentCode, string fileName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStop.Infrastructure.Data.OneStopDbContext>();
        return await (from a in db.DossierAttachments
                      join d in db.Dossiers on a.DossierId equals d.Id
                      where d.Code == code && a.DocumentCode == documentCode && a.FileName == fileName
                      select a).AnyAsync();
    }

    private static async Task AssertAccessibleAsync(IPage page, string what)
    {
        var violations = await page.SeriousAccessibilityViolationsAsync();
        Assert.True(violations.Count == 0, what + ": " + string.Join(Environment.NewLine, violations));
    }

    [GeneratedRegex(@"^SGTVT-\d{6}-\d{4}$")]
    private static partial Regex DossierCode();
}

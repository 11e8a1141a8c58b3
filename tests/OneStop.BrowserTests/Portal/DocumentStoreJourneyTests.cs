using System.Text;
using Microsoft.Playwright;
using OneStop.BrowserTests.Foundation;
using OneStop.Testing;

namespace OneStop.BrowserTests.Portal;

/// <summary>
/// A second application reuses the result of the first from the citizen's document store, and the official sees where it came from; the
/// counter certifies an uploaded paper against its original, and the citizen answers a supplement request with that certified copy.
/// </summary>
public sealed class DocumentStoreJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

    [Fact]
    public async Task A_citizen_picks_the_result_of_a_first_application_from_the_store_and_the_official_sees_its_provenance()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync(DemoAccounts.Citizen);

        // The first application: submitted by the citizen, processed to its result by the officials.
        var first = await ApplyAsync(page, fromStore: false);
        var firstCode = await page.GetByTestId("dossier-code").InnerTextAsync();
        var scenario = new DossierScenario(app.Services);
        await scenario.DriveToEndAsync(firstCode, new Dictionary<string, object?> { ["licenceClass"] = "B", ["deliverByPost"] = false });
        await scenario.DeliverEffectsAsync();

        // The result is in the citizen's store.
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Kho dữ liệu của tôi" }).ClickAsync();
        var item = page.GetByTestId("store-item").Filter(new() { HasText = firstCode });
        await Assertions.Expect(item).ToContainTextAsync("Kết quả hồ sơ");
        await Assertions.Expect(item).ToContainTextAsync("Sở Giao thông vận tải");
        var violations = await page.SeriousAccessibilityViolationsAsync();
        Assert.True(violations.Count == 0, "document store: " + string.Join(Environment.NewLine, violations));
        await BrowserApp.ScreenshotAsync(page, "document-store");

        // The second application picks it instead of uploading the licence.
        var second = await ApplyAsync(page, fromStore: true);
        Assert.NotEqual(first, second);

        var official = await app.NewPageAsync();
        await official.SignInAsync(DemoAccounts.ReceptionSgtvt);
        await official.GotoAsync($"/Workspace/Dossier/{second}");
        var provenance = official.GetByTestId("attachments").GetByTestId("provenance");
        await Assertions.Expect(provenance).ToHaveCountAsync(1);
        await Assertions.Expect(provenance).ToContainTextAsync($"Từ kho dữ liệu của công dân — kết quả hồ sơ {firstCode} do Sở Giao thông vận tải");
        await Assertions.Expect(provenance).ToContainTextAsync("đã xác thực");
        await BrowserApp.ScreenshotAsync(official, "document-store-provenance");

        // At the counter the official compares the uploaded application form with its paper original: a certified copy, in the store.
        await official.GetByTestId("attachments").Locator("li").Filter(new() { HasText = "don.pdf" }).GetByTestId("certify").ClickAsync();
        await Assertions.Expect(official.GetByTestId("action-message")).ToContainTextAsync("lưu vào kho dữ liệu của người nộp");
        await Assertions.Expect(official.GetByTestId("attachments").GetByTestId("certified")).ToHaveCountAsync(1);
        await Assertions.Expect(official.GetByTestId("attachments").GetByTestId("certify")).ToHaveCountAsync(1);

        // The counter asks for a supplement; the citizen answers it by picking that certified copy from the store.
        var request = official.Locator("form[data-form=requestSupplement]");
        await request.GetByRole(AriaRole.Textbox).FillAsync("Đơn đề nghị chưa ký tên, đề nghị nộp lại đơn đã ký");
        await request.Locator("button[data-action=requestSupplement]").ClickAsync();
        await Assertions.Expect(official.GetByTestId("dossier-status")).ToHaveTextAsync("Chờ bổ sung");

        await page.GotoAsync($"/ho-so/{second}");
        var supplement = page.GetByTestId("supplement");
        await Assertions.Expect(supplement).ToContainTextAsync("chưa ký tên");
        await Assertions.Expect(supplement.GetByTestId("store-hint")).ToBeVisibleAsync();
        var copy = supplement.Locator("#store-DON option", new() { HasText = "Đơn đề nghị đổi giấy phép lái xe" });
        await supplement.Locator("#store-DON").SelectOptionAsync(await copy.GetAttributeAsync("value") ?? string.Empty);
        var supplementViolations = await page.SeriousAccessibilityViolationsAsync();
        Assert.True(supplementViolations.Count == 0, "supplement: " + string.Join(Environment.NewLine, supplementViolations));
        await page.GetByTestId("resubmit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("portal-message")).ToContainTextAsync("Đã nộp bổ sung hồ sơ.");
        await Assertions.Expect(page.GetByTestId("timeline")).ToContainTextAsync("Nộp bổ sung");

        await official.ReloadAsync();
        await Assertions.Expect(provenance).ToHaveCountAsync(2);
        await Assertions.Expect(provenance.Nth(1)).ToContainTextAsync("bản sao đã đối chiếu bản chính tại Sở Giao thông vận tải");
        await Assertions.Expect(official.GetByTestId("timeline")).ToContainTextAsync("Đối chiếu bản chính, chứng thực bản sao điện tử");
        await BrowserApp.ScreenshotAsync(official, "document-store-supplement");
    }

    /// <summary>Applies for a driving-licence renewal on the portal's form; the licence is uploaded, or picked from the store.</summary>
    private static async Task<string> ApplyAsync(IPage page, bool fromStore)
    {
        await page.GotoAsync("/ho-so/nop/1.002804");
        await page.GetByLabel("Số giấy phép lái xe").FillAsync("20012345");
        await page.GetByLabel("Hạng giấy phép").SelectOptionAsync("B");
        await page.GetByLabel("Đơn đề nghị đổi giấy phép lái xe").SetInputFilesAsync(new FilePayload { Name = "don.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await page.GetByLabel("Giấy khám sức khỏe của người lái xe").SetInputFilesAsync(new FilePayload { Name = "gksk.pdf", MimeType = "application/pdf", Buffer = Pdf });
        if (fromStore)
        {
            var pick = page.Locator("#store-GPLX");
            await Assertions.Expect(pick).ToBeVisibleAsync();
            await pick.SelectOptionAsync(new SelectOptionValue { Index = 1 });
        }
        else
        {
            await page.GetByLabel("Bản sao giấy phép lái xe").SetInputFilesAsync(new FilePayload { Name = "gplx.pdf", MimeType = "application/pdf", Buffer = Pdf });
        }

        await page.GetByTestId("submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("submitted")).ToBeVisibleAsync();
        return new Uri(page.Url).AbsolutePath.Split('/').Last();
    }
}

using System.Text;
using Microsoft.Playwright;
using OneStop.BrowserTests.Foundation;
using OneStop.Testing;

namespace OneStop.BrowserTests.Portal;

/// <summary>A second application reuses the result of the first from the citizen's document store, and the official sees where it came from.</summary>
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

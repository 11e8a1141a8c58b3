using System.Text;
using Microsoft.Playwright;
using OneStop.BrowserTests.Foundation;
using OneStop.Testing;

namespace OneStop.BrowserTests.Portal;

public sealed class ApplicationJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_citizen_finds_a_procedure_without_diacritics_fixes_a_validation_error_attaches_files_and_submits()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync(DemoAccounts.Citizen);

        await page.GotoAsync("/");
        await page.GetByLabel("Tìm thủ tục").First.FillAsync("giay phep lai xe");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm thủ tục" }).ClickAsync();
        await page.GetByTestId("procedure").First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Cấp đổi giấy phép lái xe");
        await page.GetByTestId("apply").ClickAsync();

        await page.GetByLabel("Số giấy phép lái xe").FillAsync("200123456789");
        await page.GetByTestId("submit").ClickAsync();
        // The browser checks first, in Vietnamese, next to the field (the server checks again).
        await Assertions.Expect(page.Locator("#f-licenceClass-error")).ToHaveTextAsync("Hạng giấy phép: bắt buộc nhập.");
        await Assertions.Expect(page.GetByLabel("Hạng giấy phép")).ToBeFocusedAsync();
        await Assertions.Expect(page.GetByLabel("Số giấy phép lái xe")).ToHaveValueAsync("200123456789");
        await BrowserApp.ScreenshotAsync(page, "portal-apply-errors");
        var violations = await page.SeriousAccessibilityViolationsAsync();
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));

        await page.GetByLabel("Hạng giấy phép").SelectOptionAsync("B");
        foreach (var (label, name) in new[] { ("Đơn đề nghị đổi giấy phép lái xe", "don.pdf"), ("Giấy khám sức khỏe của người lái xe", "gksk.pdf"), ("Bản sao giấy phép lái xe", "gplx.pdf") })
        {
            await page.GetByLabel(label).SetInputFilesAsync(new FilePayload
            {
                Name = name,
                MimeType = "application/pdf",
                Buffer = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"),
            });
        }

        await page.GetByTestId("submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("submitted")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("dossier-code")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^SGTVT-\d{6}-\d{4}$"));
        await Assertions.Expect(page.GetByTestId("timeline")).ToContainTextAsync("Nộp hồ sơ");
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("Đã nộp, chờ tiếp nhận");
        await BrowserApp.ScreenshotAsync(page, "portal-submitted");

        await page.GotoAsync("/ho-so");
        await Assertions.Expect(page.GetByTestId("my-dossier").First).ToContainTextAsync("Cấp đổi giấy phép lái xe");
    }
}

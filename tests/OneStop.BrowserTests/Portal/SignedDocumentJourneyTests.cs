using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Playwright;
using OneStop.BrowserTests.Foundation;
using OneStop.Testing;

namespace OneStop.BrowserTests.Portal;

/// <summary>The browser app with issued documents signed (the demo certificates of the test template).</summary>
public sealed class SigningBrowserApp : BrowserApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?> { ["Signing:Enabled"] = "true" }));
    }
}

/// <summary>
/// A citizen downloads the signed receipt of their dossier from its page and checks it on /verify: the signatures are intact, the signers
/// are the counter official and the agency, and it is a document OneStop issued; a copy with one byte changed is reported altered.
/// </summary>
public sealed class SignedDocumentJourneyTests(SigningBrowserApp app) : IClassFixture<SigningBrowserApp>
{
    [Fact]
    public async Task A_citizen_checks_the_signed_receipt_they_downloaded_on_verify_and_an_altered_copy_is_reported_altered()
    {
        var scenario = new DossierScenario(app.Services);
        var dossier = await scenario.SubmitDrivingLicenceAsync();
        await scenario.ActAsync(dossier, "accept", DemoAccounts.ReceptionSgtvt, "Reception", "MOTCUA");
        await scenario.DeliverEffectsAsync();
        string counterName;
        await using (var db = app.Database.CreateContext())
        {
            counterName = await db.Users.Where(u => u.Email == DemoAccounts.ReceptionSgtvt).Select(u => u.FullName).SingleAsync();
        }

        var page = await app.NewPageAsync();
        await page.SignInAsync(DemoAccounts.Citizen);
        await page.GotoAsync($"/ho-so/{dossier.Id}");
        var link = page.GetByTestId("documents").GetByRole(AriaRole.Link, new() { Name = "Giấy tiếp nhận hồ sơ và hẹn trả kết quả" });
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        var signed = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(signed, 0, 4), StringComparison.Ordinal);

        // The downloaded file, as it is: intact, signed by the counter official and sealed by the agency, issued by OneStop.
        var check = await CheckAsync(download.SuggestedFilename, signed);
        await Assertions.Expect(check.GetByTestId("signatures-verdict")).ToHaveTextAsync("Các chữ ký số hợp lệ, tệp không bị thay đổi sau khi ký.");
        var signatures = check.GetByTestId("signature");
        await Assertions.Expect(signatures).ToHaveCountAsync(2);
        await Assertions.Expect(signatures.Nth(0)).ToContainTextAsync(counterName);
        await Assertions.Expect(signatures.Nth(1)).ToContainTextAsync("Sở Giao thông vận tải");
        foreach (var signature in await signatures.AllAsync())
        {
            await Assertions.Expect(signature).ToHaveAttributeAsync("data-integrity", "Intact");
            await Assertions.Expect(signature).ToContainTextAsync("nguyên vẹn");
        }

        await Assertions.Expect(check.GetByTestId("verify-result")).ToContainTextAsync(dossier.Code!);
        await Assertions.Expect(check.GetByTestId("verify-match")).ToContainTextAsync("Tệp bạn đưa lên đúng là văn bản OneStop đã phát hành");
        await Assertions.Expect(check.GetByTestId("file-not-issued")).ToHaveCountAsync(0);
        var violations = await check.SeriousAccessibilityViolationsAsync();
        Assert.True(violations.Count == 0, "verify: " + string.Join(Environment.NewLine, violations));
        await BrowserApp.ScreenshotAsync(check, "verify-signed-receipt");

        // One byte of the signed content changed: the signatures no longer hold and it is not a document OneStop issued.
        var altered = (byte[])signed.Clone();
        altered[altered.AsSpan().IndexOf("stream\n"u8) + 40] ^= 0x01;
        var tampered = await CheckAsync("bien-nhan-da-sua.pdf", altered);
        await Assertions.Expect(tampered.GetByTestId("signatures-verdict"))
            .ToHaveTextAsync("Chữ ký số không hợp lệ hoặc tệp đã bị thay đổi sau khi ký.");
        await Assertions.Expect(tampered.Locator("[data-testid=signature][data-integrity=Altered]").First).ToContainTextAsync("đã bị thay đổi");
        await Assertions.Expect(tampered.GetByTestId("file-not-issued")).ToBeVisibleAsync();
        await Assertions.Expect(tampered.GetByTestId("verify-match")).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(tampered, "verify-altered-receipt");
    }

    /// <summary>Opens /verify as anyone would (a fresh browser context, not signed in) and checks the file with the page's file form.</summary>
    private async Task<IPage> CheckAsync(string name, byte[] content)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/verify");
        var form = page.GetByTestId("check-file");
        await form.GetByLabel("Hoặc kiểm tra chữ ký số của một tệp PDF bạn nhận được")
            .SetInputFilesAsync(new FilePayload { Name = name, MimeType = "application/pdf", Buffer = content });
        await form.GetByRole(AriaRole.Button, new() { Name = "Kiểm tra tệp" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("signatures")).ToBeVisibleAsync();
        return page;
    }
}

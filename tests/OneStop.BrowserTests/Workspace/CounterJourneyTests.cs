using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OneStop.BrowserTests.Foundation;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Dossiers;
using OneStop.Infrastructure.Workflows;
using OneStop.Testing;

namespace OneStop.BrowserTests.Workspace;

public sealed class CounterJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_counter_accepts_an_online_dossier_and_opens_its_receipt_then_a_specialist_requests_a_supplement()
    {
        var code = await SubmitAsync();
        var counter = await app.NewPageAsync();
        await counter.SignInAsync(DemoAccounts.ReceptionSgtvt);
        await counter.GotoAsync("/Workspace");
        await counter.GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
        await counter.Locator("button[data-action=accept]").ClickAsync();
        await Assertions.Expect(counter.GetByTestId("action-message")).ToContainTextAsync("Đã thực hiện: Tiếp nhận.");

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<WorkflowOutboxDispatcher>().DispatchAsync(100);
        }

        await counter.ReloadAsync();
        var receiptLink = counter.GetByTestId("documents").GetByRole(AriaRole.Link, new() { Name = "Giấy tiếp nhận hồ sơ và hẹn trả kết quả" });
        await Assertions.Expect(receiptLink).ToBeVisibleAsync();
        var receipt = await counter.APIRequest.GetAsync(await receiptLink.GetAttributeAsync("href") ?? string.Empty);
        Assert.Equal("application/pdf", receipt.Headers["content-type"]);
        await BrowserApp.ScreenshotAsync(counter, "workspace-dossier-accepted");

        var specialist = await app.NewPageAsync();
        await specialist.SignInAsync(DemoAccounts.SpecialistSgtvt);
        await specialist.GotoAsync("/Workspace");
        await specialist.GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
        var form = specialist.Locator("form").Filter(new() { Has = specialist.Locator("button[data-action=requestSupplement]") });
        await form.GetByRole(AriaRole.Textbox).FillAsync("Giấy khám sức khỏe đã quá 6 tháng");
        await form.Locator("button[data-action=requestSupplement]").ClickAsync();
        await Assertions.Expect(specialist.GetByTestId("action-message")).ToContainTextAsync("Yêu cầu bổ sung");
        await Assertions.Expect(specialist.GetByTestId("dossier-status")).ToHaveTextAsync("Chờ bổ sung");
        await BrowserApp.ScreenshotAsync(specialist, "workspace-supplement-requested");

        var citizen = await app.NewPageAsync(390, 844);
        await citizen.SignInAsync(DemoAccounts.Citizen);
        await citizen.GotoAsync("/ho-so");
        await citizen.GetByTestId("my-dossier").Filter(new() { HasText = code }).ClickAsync();
        await Assertions.Expect(citizen.GetByTestId("supplement")).ToContainTextAsync("Giấy khám sức khỏe đã quá 6 tháng");
        await citizen.GetByLabel("Giấy khám sức khỏe của người lái xe").SetInputFilesAsync(new FilePayload
        {
            Name = "gksk-moi.png",
            MimeType = "image/png",
            Buffer = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13],
        });
        await citizen.GetByTestId("resubmit").ClickAsync();
        await Assertions.Expect(citizen.GetByTestId("status")).ToHaveTextAsync("Đang xử lý");
        await Assertions.Expect(citizen.GetByTestId("timeline")).ToContainTextAsync("Nộp bổ sung");
        await BrowserApp.ScreenshotAsync(citizen, "portal-supplement-answered-phone");
    }

    [Fact]
    public async Task The_counter_creates_a_walk_in_dossier_scans_its_papers_and_accepts_it()
    {
        var counter = await app.NewPageAsync();
        await counter.SignInAsync(DemoAccounts.ReceptionSgtvt);
        await counter.GotoAsync("/Workspace");
        await counter.GetByRole(AriaRole.Link, new() { Name = "Tiếp nhận hồ sơ trực tiếp" }).ClickAsync();
        await counter.GetByLabel("Thủ tục").SelectOptionAsync("1.002804");
        await counter.GetByRole(AriaRole.Button, new() { Name = "Chọn" }).ClickAsync();

        await counter.GetByLabel("Họ và tên").FillAsync("Vi Thị Hồng Nhung");
        await counter.GetByLabel("Số CCCD/CMND").FillAsync("020301009876");
        await counter.GetByLabel("E-mail (nhận thông báo về hồ sơ, không bắt buộc)").FillAsync("vi.thi.hong.nhung@example.vn");
        await counter.GetByLabel("Số giấy phép lái xe").FillAsync("200987654321");
        await counter.GetByTestId("create-walkin").ClickAsync();
        await Assertions.Expect(counter.GetByTestId("form-errors")).ToContainTextAsync("Hạng giấy phép: bắt buộc nhập.");
        await Assertions.Expect(counter.GetByLabel("Họ và tên")).ToHaveValueAsync("Vi Thị Hồng Nhung");

        await counter.GetByLabel("Hạng giấy phép").SelectOptionAsync("A");
        await counter.GetByLabel("Đơn đề nghị đổi giấy phép lái xe").SetInputFilesAsync(new FilePayload
        {
            Name = "scan-don.pdf",
            MimeType = "application/pdf",
            Buffer = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n"),
        });
        await counter.GetByTestId("create-walkin").ClickAsync();
        await Assertions.Expect(counter.Locator("h1")).ToContainTextAsync("Hồ sơ SGTVT-");
        await Assertions.Expect(counter.Locator("main")).ToContainTextAsync("scan-don.pdf");
        await counter.Locator("button[data-action=accept]").ClickAsync();
        await Assertions.Expect(counter.GetByTestId("action-message")).ToContainTextAsync("Tiếp nhận");
        await BrowserApp.ScreenshotAsync(counter, "workspace-walk-in-accepted");

        // The walk-in applicant is told by e-mail at the address given at the counter.
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStop.Infrastructure.Data.OneStopDbContext>();
        Assert.True(await db.EmailOutbox.AnyAsync(m => m.To == "vi.thi.hong.nhung@example.vn" && m.Subject.EndsWith(": Đang xử lý")));
    }

    private async Task<string> SubmitAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStop.Infrastructure.Data.OneStopDbContext>();
        var citizen = db.Users.Single(u => u.Email == DemoAccounts.Citizen).Id;
        var dossier = await scope.ServiceProvider.GetRequiredService<DossierIntake>().SubmitAsync(
            new NewDossier("1.002804", null, new Applicant("Nguyễn Văn An", "020090001234", "0912345678", DemoAccounts.Citizen, "Lạng Sơn"), citizen,
                SubmissionChannel.Online, """{"licenceNumber":"200123456789","licenceClass":"B"}"""),
            DossierIntake.Citizen(citizen));
        return dossier.Code!;
    }
}

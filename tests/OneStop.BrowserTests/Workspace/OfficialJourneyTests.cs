using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OneStop.BrowserTests.Foundation;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Dossiers;
using OneStop.Infrastructure.Workflows;
using OneStop.Testing;

namespace OneStop.BrowserTests.Workspace;

/// <summary>
/// A criminal-record dossier of Sở Tư pháp from start to end in Chromium: the counter accepts it and opens the receipt, the specialist
/// asks for a supplement, the citizen supplements on the portal, the counter accepts again, the specialist sends it to the provincial
/// police (liên thông), the police answer with a file, the leader signs, the counter returns the result; a walk-in dossier is created;
/// and the leader's statistics show exactly these two dossiers.
/// </summary>
public sealed class OfficialJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Counter = "tiepnhan.stp@demo.onestop.vn";
    private const string Specialist = "chuyenvien.hctp.stp@demo.onestop.vn";
    private const string Police = "chuyenvien.pv06.ca-tinh@demo.onestop.vn";
    private const string Leader = "lanhdao.stp@demo.onestop.vn";
    private static readonly byte[] Pdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n");

    [Fact]
    public async Task A_dossier_goes_from_the_counter_through_supplement_police_and_leader_to_the_applicant_and_into_the_statistics()
    {
        var code = await SubmitAsync();
        var counter = await app.NewPageAsync();
        await counter.SignInAsync(Counter);
        await OpenAsync(counter, code);
        await ActAsync(counter, "accept");
        await DeliverAsync();
        await counter.ReloadAsync();
        var receiptLink = counter.GetByTestId("documents").GetByRole(AriaRole.Link, new() { Name = "Giấy tiếp nhận hồ sơ và hẹn trả kết quả" });
        var receipt = await counter.APIRequest.GetAsync(await receiptLink.GetAttributeAsync("href") ?? string.Empty);
        Assert.Equal("application/pdf", receipt.Headers["content-type"]);

        var specialist = await app.NewPageAsync();
        await specialist.SignInAsync(Specialist);
        await OpenAsync(specialist, code);
        await ActAsync(specialist, "requestSupplement", comment: "Bản chụp CCCD bị mờ, đề nghị chụp lại");
        await Assertions.Expect(specialist.GetByTestId("dossier-status")).ToHaveTextAsync("Chờ bổ sung");

        var citizen = await app.NewPageAsync(390, 844);
        await citizen.SignInAsync(DemoAccounts.Citizen);
        await citizen.GotoAsync("/ho-so");
        await citizen.GetByTestId("my-dossier").Filter(new() { HasText = code }).ClickAsync();
        await Assertions.Expect(citizen.GetByTestId("supplement")).ToContainTextAsync("Bản chụp CCCD bị mờ");
        await citizen.GetByLabel("Bản chụp Căn cước công dân").SetInputFilesAsync(new FilePayload { Name = "cccd-ro.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await citizen.GetByTestId("resubmit").ClickAsync();
        await Assertions.Expect(citizen.GetByTestId("timeline")).ToContainTextAsync("Nộp bổ sung");

        await OpenAsync(counter, code);
        await ActAsync(counter, "accept");
        await OpenAsync(specialist, code);
        await ActAsync(specialist, "sendToPolice");

        var police = await app.NewPageAsync();
        await police.SignInAsync(Police);
        await OpenAsync(police, code);
        await Assertions.Expect(police.GetByTestId("routed-note")).ToBeVisibleAsync();
        await ActAsync(police, "reply", file: "ket-qua-tra-cuu.pdf");

        var leader = await app.NewPageAsync();
        await leader.SignInAsync(Leader);
        await OpenAsync(leader, code);
        await ActAsync(leader, "approve");
        await BrowserApp.ScreenshotAsync(leader, "workspace-leader-approved");
        await DeliverAsync();

        await OpenAsync(counter, code);
        var handover = counter.Locator("form[data-form=returnResult]");
        await handover.GetByLabel("Tại Bộ phận một cửa").CheckAsync();
        await handover.GetByLabel("Người nhận kết quả (họ tên; số vận đơn nếu gửi bưu chính)").FillAsync("Nguyễn Văn An");
        await handover.Locator("button[data-action=returnResult]").ClickAsync();
        await Assertions.Expect(counter.GetByTestId("action-message")).ToContainTextAsync("Trả kết quả");
        await Assertions.Expect(counter.GetByTestId("dossier-status")).ToHaveTextAsync("Đã trả kết quả");
        await Assertions.Expect(counter.GetByTestId("handover-method")).ToHaveTextAsync("Tại Bộ phận một cửa");
        await Assertions.Expect(counter.GetByTestId("timeline")).ToContainTextAsync("Hoàn thành");
        await BrowserApp.ScreenshotAsync(counter, "workspace-result-returned");

        // A walk-in applicant at the same counter.
        await counter.GotoAsync("/Workspace");
        await counter.GetByRole(AriaRole.Link, new() { Name = "Tiếp nhận hồ sơ trực tiếp" }).ClickAsync();
        await counter.GetByLabel("Thủ tục").SelectOptionAsync("2.000488");
        await counter.GetByRole(AriaRole.Button, new() { Name = "Chọn" }).ClickAsync();
        await counter.GetByLabel("Họ và tên").FillAsync("Lương Văn Tâm");
        await counter.GetByLabel("Số CCCD/CMND").FillAsync("020301001111");
        await counter.GetByLabel("Mục đích sử dụng").FillAsync("Bổ sung hồ sơ xin việc");
        await counter.GetByLabel("Số lượng phiếu").FillAsync("1");
        await counter.GetByLabel("Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp").SetInputFilesAsync(new FilePayload { Name = "to-khai.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await counter.GetByTestId("create-walkin").ClickAsync();
        await Assertions.Expect(counter.Locator("h1")).ToContainTextAsync("Hồ sơ STP-");
        await ActAsync(counter, "accept");

        // The register on screen lists both.
        await counter.GotoAsync("/Workspace/Register");
        await Assertions.Expect(counter.GetByTestId("register-total")).ToHaveTextAsync("2");

        await leader.GotoAsync("/Workspace/Statistics");
        await Assertions.Expect(leader.GetByTestId("received")).ToHaveTextAsync("2");
        await Assertions.Expect(leader.GetByTestId("in-progress")).ToHaveTextAsync("1");
        await Assertions.Expect(leader.GetByTestId("on-time")).ToHaveTextAsync("1");
        await Assertions.Expect(leader.GetByTestId("late")).ToHaveTextAsync("0");
        await Assertions.Expect(leader.GetByTestId("on-time-rate")).ToHaveTextAsync("100%");
        await Assertions.Expect(leader.Locator("svg#chart-months")).ToBeVisibleAsync();
        await Assertions.Expect(leader.Locator("svg#chart-rate")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(leader, "workspace-statistics");
    }

    private static async Task OpenAsync(IPage page, string code)
    {
        await page.GotoAsync("/Workspace");
        await page.GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
    }

    private static async Task ActAsync(IPage page, string action, string? comment = null, string? file = null)
    {
        var form = page.Locator($"form[data-form={action}]");
        if (comment is not null)
        {
            await form.GetByRole(AriaRole.Textbox).FillAsync(comment);
        }

        if (file is not null)
        {
            await form.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = file, MimeType = "application/pdf", Buffer = Pdf });
        }

        await form.Locator($"button[data-action={action}]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var error = page.GetByTestId("action-error");
        Assert.False(await error.IsVisibleAsync(), await error.IsVisibleAsync() ? await error.InnerTextAsync() : string.Empty);
    }

    private async Task DeliverAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WorkflowOutboxDispatcher>().DispatchAsync(100);
    }

    private async Task<string> SubmitAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStop.Infrastructure.Data.OneStopDbContext>();
        var citizen = db.Users.Single(u => u.Email == DemoAccounts.Citizen).Id;
        var dossier = await scope.ServiceProvider.GetRequiredService<DossierIntake>().SubmitAsync(
            new NewDossier("2.000488", null, new Applicant("Nguyễn Văn An", "020090001234", "0912345678", DemoAccounts.Citizen, "Lạng Sơn"), citizen,
                SubmissionChannel.Online, """{"purpose":"Xin việc","copies":1}"""),
            DossierIntake.Citizen(citizen));
        return dossier.Code!;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OneStop.BrowserTests.Foundation;
using OneStop.Infrastructure.Data;
using OneStop.Testing;
using OneStop.Workflows.Runtime;
using OneStop.Workflows.Runtime.State;

namespace OneStop.BrowserTests.Admin.Designer;

/// <summary>
/// An administrator who never writes JSON builds the driving-licence workflow from an empty draft with the mouse and the keyboard,
/// simulates it on the working calendar and publishes it as version 2; a citizen's dossier then runs through version 2, and the
/// published definition means exactly what the sample in workflows/ means.
/// </summary>
public sealed class WorkflowDesignerJourneyTests(DesignerApp app) : IClassFixture<DesignerApp>
{
    [Fact]
    public async Task An_administrator_builds_the_driving_licence_workflow_simulates_and_publishes_it_and_a_dossier_runs_through_it()
    {
        var page = await app.NewPageAsync(1366, 768);
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        page.PageError += (_, e) => errors.Add(e);
        await page.SignInAsync(DemoAccounts.Admin);
        await page.GotoAsync("/Admin/Workflows");
        await page.GetByTestId("new-workflow").ClickAsync();
        await page.GetByTestId("start-blank").ClickAsync();
        var d = new DesignerPage(page);
        await d.SettledAsync("Bản nháp trống: đặt tên và thêm bước");

        // General information: the name, the id of the workflow it replaces, the procedure, the deadline and the form fields read.
        await page.GetByTestId("workflow-name").FillAsync("Cấp đổi giấy phép lái xe do ngành Giao thông vận tải cấp");
        await Assertions.Expect(page.GetByTestId("workflow-id")).ToHaveValueAsync("cap-doi-giay-phep-lai-xe-do-nganh-giao-thong-van-tai-cap");
        await page.GetByTestId("workflow-id").FillAsync("driving-licence-renewal");
        await page.GetByLabel("Mô tả (không bắt buộc)").FillAsync(
            "Dịch vụ công trực tuyến toàn trình (mức độ 4) tại Sở Giao thông vận tải; kết quả trả qua bưu chính.");
        await page.GetByTestId("procedure-search").PressSequentiallyAsync("giay phep lai xe");
        await page.GetByTestId("add-procedure-1.002804").ClickAsync();
        await Assertions.Expect(page.GetByTestId("procedures")).ToContainTextAsync("Cấp đổi giấy phép lái xe");
        await d.DurationAsync("Tổng thời hạn giải quyết", "5", "d");
        await page.GetByTestId("input-licenceClass").CheckAsync();
        await page.GetByTestId("input-deliverByPost").CheckAsync();
        await Assertions.Expect(page.GetByTestId("version-note")).ToContainTextAsync("Sẽ ban hành là phiên bản 2");

        // The steps, in the sample's order (two added with the Enter key).
        await d.AddStepAsync("Tiếp nhận hồ sơ trực tuyến", "task", "reception");
        await d.AssignAsync("Reception", "SGTVT", "MOTCUA");
        await d.DurationAsync("Thời hạn xử lý", "4", "h");
        await d.DurationAsync("Nhắc cán bộ trước hạn", "1", "h");
        await d.AddStepAsync("Chờ công dân bổ sung hồ sơ", "supplement", "supplement", withEnter: true);
        await page.GetByLabel("tính lại từ đầu").CheckAsync();
        await d.AddStepAsync("Thẩm định, in giấy phép lái xe", "task", "review");
        await d.AssignAsync("Specialist", "SGTVT", "QLPT");
        await d.DurationAsync("Thời hạn xử lý", "3", "d");
        await d.DurationAsync("Nhắc cán bộ trước hạn", "1", "d");
        await d.AddStepAsync("Lãnh đạo Sở phê duyệt", "task", "approval");
        await d.AssignAsync("Leader", "SGTVT", "LANHDAO");
        await d.DurationAsync("Thời hạn xử lý", "1", "d");
        await d.AddStepAsync("Phát hành kết quả, gửi bưu chính", "auto", "issue-result");
        await d.AddStepAsync("Hoàn thành", "end", "completed", withEnter: true);
        await page.GetByTestId("outcome").SelectOptionAsync("completed");
        await d.AddStepAsync("Từ chối", "end", "rejected");
        await page.GetByTestId("outcome").SelectOptionAsync("rejected");
        await d.AddStepAsync("Công dân rút hồ sơ", "end", "withdrawn");
        await page.GetByTestId("outcome").SelectOptionAsync("withdrawn");

        // What the system does when the leader approves, chosen from lists (the webhook from the server's configured list).
        await page.GetByTestId("node-issue-result").ClickAsync();
        await Assertions.Expect(page.GetByTestId("step-id")).ToHaveValueAsync("issue-result");
        await d.AddOperationAsync("issue");
        await page.GetByTestId("op-0-issue").SelectOptionAsync("result");
        await d.AddOperationAsync("notify");
        await page.GetByTestId("op-1-notify").SelectOptionAsync("applicant");
        await page.GetByTestId("op-1-message").FillAsync("Giấy phép lái xe đã được cấp đổi và gửi qua bưu chính.");
        await d.AddOperationAsync("webhook");
        await page.GetByTestId("op-2-webhook").SelectOptionAsync(DesignerApp.Webhook);
        await page.GetByTestId("next").SelectOptionAsync("completed");

        // The actions, once every step they lead to exists; a step is selected from the list, the diagram (mouse) or the keyboard.
        await d.SelectStepAsync("reception");
        await d.AddActionAsync("accept", "Tiếp nhận", "review", documents: "receipt");
        await d.AddActionAsync("requestSupplement", "Yêu cầu bổ sung", "supplement", comment: true, documents: "supplementRequest");
        await d.AddActionAsync("reject", "Từ chối tiếp nhận", "rejected", comment: true, documents: "rejection");
        await page.GetByTestId("node-supplement").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("step-id")).ToHaveValueAsync("supplement");
        await d.AddActionAsync("resubmit", "Nộp bổ sung", "reception");
        await d.AddActionAsync("withdraw", "Rút hồ sơ", "withdrawn", documents: "withdrawal");
        await page.GetByTestId("node-review").ClickAsync();
        await Assertions.Expect(page.GetByTestId("step-id")).ToHaveValueAsync("review");
        await d.AddActionAsync("submit", "Trình lãnh đạo ký", "approval");
        await d.AddActionAsync("requestSupplement", "Yêu cầu bổ sung", "supplement", comment: true, documents: "supplementRequest");
        await d.SelectStepAsync("approval");
        await d.AddActionAsync("approve", "Phê duyệt", "issue-result");
        await d.AddActionAsync("return", "Trả lại chuyên viên", "review", comment: true);
        await d.AddActionAsync("reject", "Từ chối", "rejected", comment: true, documents: "rejection");

        await d.SettledAsync("Hợp lệ — sẵn sàng ban hành");
        await Assertions.Expect(page.GetByTestId("problem-summary")).ToBeHiddenAsync();
        await BrowserApp.ScreenshotAsync(page, "workflow-designer-built");
        var violations = await page.SeriousAccessibilityViolationsAsync();
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));

        // Simulated on the working calendar: Friday 4 December 2026, 9:00; accepted, reviewed and approved.
        await page.GetByTestId("tab-simulate").ClickAsync();
        await page.GetByTestId("sim-start").FillAsync("2026-12-04T09:00");
        await page.GetByTestId("sim-agency").SelectOptionAsync("SGTVT");
        await page.GetByTestId("sim-run").ClickAsync();
        await Assertions.Expect(page.GetByTestId("sim-steps")).ToContainTextAsync("Thẩm định, in giấy phép lái xe");
        await Assertions.Expect(page.GetByTestId("sim-ended")).ToContainTextAsync("hoàn thành");
        await Assertions.Expect(page.GetByTestId("sim-fits")).ToHaveTextAsync("Có — kết thúc trong thời hạn");
        await BrowserApp.ScreenshotAsync(page, "workflow-designer-simulated");

        await page.GetByTestId("publish").ClickAsync();
        await Assertions.Expect(page.GetByTestId("published")).ToContainTextAsync("phiên bản 2");
        await BrowserApp.ScreenshotAsync(page, "workflow-designer-published");

        // The published version means what the sample means: same steps, assignees, durations, actions and documents.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            var json = await db.WorkflowDefinitions.Where(w => w.Id == "driving-licence-renewal" && w.Version == 2).Select(w => w.Json).SingleAsync();
            Assert.Equal(Samples.Canonical(Samples.Read("driving-licence-renewal")), Samples.Canonical(json));
        }

        // A citizen's dossier now runs through version 2 to the end.
        var scenario = new DossierScenario(app.Services);
        var dossier = await scenario.SubmitDrivingLicenceAsync();
        await scenario.DriveToEndAsync(dossier.Code!, new Dictionary<string, object?> { ["licenceClass"] = "B", ["deliverByPost"] = true });
        await scenario.DeliverEffectsAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var instance = (await scope.ServiceProvider.GetRequiredService<IWorkflowEngine>().GetAsync(dossier.WorkflowInstanceId!.Value))!;
            Assert.Equal(("driving-licence-renewal", 2), (instance.DefinitionId, instance.DefinitionVersion));
            Assert.Equal(InstanceStatus.Ended, instance.Status);
            Assert.Equal("completed", instance.EndStepId);
            Assert.Equal(["reception", "review", "approval", "issue-result", "completed"],
                instance.Journal.Where(j => j.Kind == JournalKind.StepEntered).Select(j => j.ToStep!).ToList());
        }

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }
}

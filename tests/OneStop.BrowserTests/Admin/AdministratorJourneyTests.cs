using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OneStop.BrowserTests.Foundation;
using OneStop.Infrastructure.Workflows;
using OneStop.Testing;

namespace OneStop.BrowserTests.Admin;

/// <summary>Issue 7's journey: an administrator puts a new procedure online from the browser; a citizen submits to it; officials finish it.</summary>
public sealed class AdministratorJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string ProcedureCode = "9.900001";
    private const string WorkflowId = "xac-nhan-mat-bang-thu-nghiem";

    private const string Workflow = """
        {
          "id": "xac-nhan-mat-bang-thu-nghiem", "version": 1, "name": "Xác nhận mặt bằng (thử nghiệm)", "procedures": ["9.900001"],
          "inputs": { "dienTich": "number" }, "totalDuration": "5d",
          "steps": [
            { "id": "reception", "kind": "task", "name": "Tiếp nhận hồ sơ", "assignee": { "role": "Reception", "department": "MOTCUA", "agency": "SGTVT" }, "duration": "4h",
              "actions": [ { "id": "accept", "label": "Tiếp nhận", "target": "consult", "issues": ["receipt"] },
                           { "id": "reject", "label": "Từ chối tiếp nhận", "target": "rejected", "requiresComment": true, "issues": ["rejection"] } ] },
            { "id": "consult", "kind": "parallel", "name": "Lấy ý kiến", "branches": ["opinion-technical", "opinion-legal"], "join": "all", "joinStep": "consult-join" },
            { "id": "opinion-technical", "kind": "task", "name": "Ý kiến kỹ thuật", "assignee": { "role": "Specialist", "department": "QLPT", "agency": "SGTVT" }, "duration": "1d",
              "actions": [ { "id": "agreeTechnical", "label": "Thống nhất về kỹ thuật", "target": "consult-join" } ] },
            { "id": "opinion-legal", "kind": "task", "name": "Ý kiến pháp lý", "assignee": { "role": "Specialist", "department": "DEPT", "agency": "SGTVT" }, "duration": "1d",
              "actions": [ { "id": "agreeLegal", "label": "Thống nhất về pháp lý", "target": "consult-join" } ] },
            { "id": "consult-join", "kind": "join", "name": "Tổng hợp ý kiến", "next": "approval" },
            { "id": "approval", "kind": "task", "name": "Lãnh đạo phê duyệt", "assignee": { "role": "Leader", "department": "LANHDAO", "agency": "SGTVT" }, "duration": "1d",
              "actions": [ { "id": "approve", "label": "Phê duyệt", "target": "issue-result", "condition": "dienTich <= 500" },
                           { "id": "approveLarge", "label": "Phê duyệt (diện tích lớn)", "target": "issue-result", "condition": "dienTich > 500" } ] },
            { "id": "issue-result", "kind": "auto", "name": "Phát hành kết quả", "do": [ { "issue": "result" } ], "next": "completed" },
            { "id": "completed", "kind": "end", "name": "Hoàn thành", "outcome": "completed" },
            { "id": "rejected", "kind": "end", "name": "Từ chối", "outcome": "rejected" }
          ]
        }
        """;

    private const string Form = """
        [
          { "name": "tenCoSo", "label": "Tên cơ sở", "type": "text", "required": true },
          { "name": "dienTich", "label": "Diện tích mặt bằng (m²)", "type": "number", "required": true, "min": 1, "max": 100000 },
          { "name": "ngayBatDau", "label": "Ngày bắt đầu sử dụng", "type": "date", "required": true },
          { "name": "hinhThuc", "label": "Hình thức sử dụng", "type": "choice", "options": ["Sở hữu", "Thuê"], "required": true }
        ]
        """;

    private const string Documents = """
        [
          { "name": "Đơn đề nghị xác nhận mặt bằng", "copies": 1, "form": "original" },
          { "name": "Giấy tờ chứng minh quyền sử dụng mặt bằng", "copies": 1, "form": "certifiedCopy" }
        ]
        """;

    [Fact]
    public async Task An_administrator_puts_a_procedure_online_and_a_citizen_and_officials_take_a_dossier_through_it()
    {
        var admin = await app.NewPageAsync();
        await admin.SignInAsync(DemoAccounts.Admin);

        // The workflow: a typo in a department is caught as it is typed, fixed, simulated, published.
        await admin.GotoAsync("/Admin/Workflows/Edit?blank=true");
        await admin.GetByTestId("tab-json").ClickAsync();
        await admin.GetByTestId("json").FillAsync(Workflow);
        await Assertions.Expect(admin.Locator("#json-status")).ToContainTextAsync("lỗi");
        await admin.GetByTestId("tab-design").ClickAsync();
        await admin.GetByTestId("step-opinion-legal").ClickAsync();
        await Assertions.Expect(admin.Locator("[data-problem-slot=\"$.steps[3].assignee.department\"]")).ToContainTextAsync("DEPT");
        await admin.GetByTestId("tab-json").ClickAsync();
        await admin.GetByTestId("json").FillAsync(Workflow.Replace("\"department\": \"DEPT\"", "\"department\": \"QLPT\"", StringComparison.Ordinal));
        await Assertions.Expect(admin.Locator("#json-status")).ToHaveTextAsync("Định nghĩa hợp lệ.");
        await admin.GetByTestId("tab-design").ClickAsync();
        await Assertions.Expect(admin.Locator("#diagram svg")).ToContainTextAsync("Lấy ý kiến");
        await admin.GetByTestId("tab-simulate").ClickAsync();
        await admin.GetByTestId("sim-agency").SelectOptionAsync("SGTVT");
        await admin.GetByTestId("sim-input-dienTich").FillAsync("120");
        await admin.GetByTestId("sim-legal").FillAsync("5");
        await admin.GetByTestId("sim-run").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("sim-steps")).ToContainTextAsync("Phê duyệt");
        await Assertions.Expect(admin.GetByTestId("sim-fits")).ToContainTextAsync("Có — kết thúc trong thời hạn");
        await admin.GetByTestId("publish").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("published")).ToContainTextAsync($"(mã {WorkflowId}) phiên bản 1.");

        // The procedure: general information, two required documents, a form of four field types; then published.
        await admin.GotoAsync("/Admin/Procedures/Edit");
        await admin.GetByLabel("Mã thủ tục quốc gia").FillAsync(ProcedureCode);
        await admin.GetByLabel("Tên thủ tục").FillAsync("Xác nhận mặt bằng kinh doanh vận tải (thử nghiệm)");
        await admin.GetByLabel("Lĩnh vực").SelectOptionAsync("DUONG-BO");
        await admin.GetByLabel("Cơ quan giải quyết").SelectOptionAsync("SGTVT");
        await admin.GetByLabel("Mức độ dịch vụ công").SelectOptionAsync("3");
        await admin.GetByLabel("Lệ phí (đồng)").FillAsync("0");
        await admin.GetByLabel("Thời hạn (ngày làm việc)").FillAsync("5");
        await admin.GetByLabel("Quy trình xử lý (mã)").FillAsync(WorkflowId);
        await SetJsonAsync(admin, "DocumentsJson", Documents);
        await SetJsonAsync(admin, "FormJson", Form);
        // The preview of the citizen's form, with its required fields, is shown before saving: it must not hold the save back.
        await Assertions.Expect(admin.GetByTestId("preview-form")).ToContainTextAsync("Diện tích mặt bằng");
        await admin.GetByTestId("save").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("status")).ToHaveTextAsync("Chưa công bố");
        await admin.GetByTestId("publish").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("status")).ToHaveTextAsync("Đang công bố");

        // A citizen finds it without diacritics and submits.
        var citizen = await app.NewPageAsync();
        await citizen.SignInAsync(DemoAccounts.Citizen);
        await citizen.GotoAsync("/thu-tuc?q=xac+nhan+mat+bang");
        await citizen.GetByTestId("procedure").First.ClickAsync();
        await Assertions.Expect(citizen.Locator("h1")).ToContainTextAsync("Xác nhận mặt bằng kinh doanh vận tải");
        await citizen.GetByTestId("apply").ClickAsync();
        await citizen.GetByLabel("Tên cơ sở").FillAsync("Hợp tác xã vận tải Kỳ Lừa");
        await citizen.GetByLabel("Diện tích mặt bằng (m²)").FillAsync("120");
        await citizen.GetByLabel("Ngày bắt đầu sử dụng").FillAsync("2026-12-01");
        await citizen.GetByLabel("Hình thức sử dụng").SelectOptionAsync("Thuê");
        foreach (var (label, name) in new[] { ("Đơn đề nghị xác nhận mặt bằng", "don.pdf"), ("Giấy tờ chứng minh quyền sử dụng mặt bằng", "hop-dong-thue.pdf") })
        {
            await citizen.GetByLabel(label).SetInputFilesAsync(new FilePayload
            {
                Name = name, MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"),
            });
        }

        await citizen.GetByTestId("submit").ClickAsync();
        await Assertions.Expect(citizen.GetByTestId("submitted")).ToBeVisibleAsync();
        var code = (await citizen.GetByTestId("dossier-code").TextContentAsync())!.Trim();

        // Officials: the counter accepts, the specialist gives both opinions of the parallel consultation, the leader approves.
        await ActAsync(DemoAccounts.ReceptionSgtvt, code, "accept");
        await ActAsync(DemoAccounts.SpecialistSgtvt, code, "agreeTechnical");
        await ActAsync(DemoAccounts.SpecialistSgtvt, code, "agreeLegal");
        var leader = await ActAsync(DemoAccounts.LeaderSgtvt, code, "approve");
        Assert.Equal(0, await leader.Locator("button[data-action=approveLarge]").CountAsync());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<WorkflowOutboxDispatcher>().DispatchAsync(100);
        }

        await citizen.GotoAsync("/ho-so");
        await citizen.GetByTestId("my-dossier").Filter(new() { HasText = code }).ClickAsync();
        await Assertions.Expect(citizen.GetByTestId("status")).ToHaveTextAsync("Đã trả kết quả");
        await Assertions.Expect(citizen.GetByTestId("timeline")).ToContainTextAsync("Phê duyệt");
        await BrowserApp.ScreenshotAsync(citizen, "admin-journey-citizen-result");

        // The audit log shows every step: the workflow and procedure changes, and each action on the dossier.
        await admin.GotoAsync("/Admin/Audit?entity=WorkflowDefinition");
        await Assertions.Expect(admin.GetByTestId("audit")).ToContainTextAsync(WorkflowId);
        await admin.GotoAsync("/Admin/Audit?entity=Procedure");
        await Assertions.Expect(admin.GetByTestId("audit").Locator("tr[data-action='Procedure.Created']")).Not.ToHaveCountAsync(0);
        await admin.GotoAsync("/Admin/Audit?dossier=" + Uri.EscapeDataString(code));
        foreach (var action in new[] { "dossier.started", "dossier.accept", "dossier.agreeTechnical", "dossier.agreeLegal", "dossier.approve", "dossier.ended" })
        {
            await Assertions.Expect(admin.GetByTestId("audit").Locator($"tr[data-action='{action}']")).Not.ToHaveCountAsync(0);
        }

        await BrowserApp.ScreenshotAsync(admin, "admin-journey-audit");

        // Editing the procedure: its page opens with the preview of the citizen's form (required fields and all), and a new version saves.
        await admin.GotoAsync("/Admin/Procedures/Edit/" + Uri.EscapeDataString(ProcedureCode));
        await Assertions.Expect(admin.GetByTestId("preview-form")).ToContainTextAsync("Diện tích mặt bằng");
        await admin.GetByLabel("Thời hạn (ngày làm việc)").FillAsync("6");
        await admin.GetByTestId("save").ClickAsync();
        await Assertions.Expect(admin.GetByText("Đã lưu thủ tục.")).ToBeVisibleAsync();
        await Assertions.Expect(admin.GetByTestId("versions").Locator("tbody tr")).ToHaveCountAsync(2);
    }

    private async Task<IPage> ActAsync(string official, string code, string action)
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync(official);
        await page.GotoAsync("/Workspace");
        await page.GetByRole(AriaRole.Link, new() { Name = code }).First.ClickAsync(); // a parallel consultation lists one task per branch
        await page.Locator($"button[data-action={action}]").ClickAsync();
        await Assertions.Expect(page.GetByTestId("action-message")).ToBeVisibleAsync();
        return page;
    }

    private static async Task SetJsonAsync(IPage page, string id, string json)
    {
        var area = page.Locator("#" + id);
        await area.Locator("xpath=ancestor::details").Locator("summary").ClickAsync();
        await area.FillAsync(json);
    }
}

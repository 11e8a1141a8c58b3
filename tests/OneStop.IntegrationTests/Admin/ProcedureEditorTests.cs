using System.Net;
using Microsoft.EntityFrameworkCore;
using OneStop.Core.Procedures;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Admin;

public sealed class ProcedureEditorTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    internal const string Form = """
        [
          { "name": "hoTen", "label": "Họ và tên chủ hộ", "type": "text", "required": true },
          { "name": "soNguoi", "label": "Số nhân khẩu", "type": "number", "required": true, "min": 1, "max": 20 },
          { "name": "ngayChuyenDen", "label": "Ngày chuyển đến", "type": "date" },
          { "name": "loaiNha", "label": "Loại nhà", "type": "choice", "options": ["Nhà riêng", "Nhà thuê"], "required": true },
          { "name": "soCccd", "label": "Số CCCD", "type": "idNumber", "required": true }
        ]
        """;

    internal const string Documents = """
        [
          { "name": "Tờ khai thay đổi thông tin cư trú", "copies": 1, "form": "original", "template": "Mẫu CT01" },
          { "name": "Giấy tờ chứng minh chỗ ở hợp pháp", "copies": 1, "form": "certifiedCopy" }
        ]
        """;

    internal static Dictionary<string, string> Valid(string code, string workflow = "driving-licence-renewal") => new()
    {
        ["Input.Code"] = code,
        ["Input.Name"] = "Đăng ký thường trú (thử nghiệm)",
        ["Input.FieldCode"] = "DUONG-BO",
        ["Input.AgencyCode"] = "SGTVT",
        ["Input.Level"] = "4",
        ["Input.Fee"] = "20.000",
        ["Input.ProcessingDays"] = "7",
        ["Input.WorkflowId"] = workflow,
        ["Input.DocumentsJson"] = Documents,
        ["Input.FormJson"] = Form,
        ["Input.ResultTemplate"] = """{ "title": "XÁC NHẬN", "paragraphs": ["Ông/bà {{hoTen}}, {{soNguoi}} nhân khẩu."], "signerTitle": "GIÁM ĐỐC" }""",
    };

    [Fact]
    public async Task An_administrator_creates_a_procedure_with_its_form_documents_and_template_unpublished()
    {
        var admin = await SignedInAsync(DemoAccounts.Admin);

        var response = await admin.PostFormAsync("/Admin/Procedures/Edit?handler=Save", Valid("9.100001"), await admin.GetStringAsync("/Admin/Procedures/Edit"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Admin/Procedures/Edit/9.100001?saved=true", response.Headers.Location!.OriginalString);
        await using var db = app.Database.CreateContext();
        var procedure = await db.Procedures.SingleAsync(p => p.Code == "9.100001");
        Assert.False(procedure.IsActive);
        Assert.Equal(20_000m, procedure.Fee);
        Assert.Equal(7, procedure.ProcessingDays);
        Assert.Equal(OnlineLevel.Level4, procedure.Level);
        Assert.Equal(["hoTen", "soNguoi", "ngayChuyenDen", "loaiNha", "soCccd"], procedure.FormSchema.Select(f => f.Name));
        Assert.Equal(["Nhà riêng", "Nhà thuê"], procedure.FormSchema[3].Options);
        Assert.Equal(20m, procedure.FormSchema[1].Max);
        Assert.Equal(["TP1", "TP2"], procedure.RequiredDocuments.Select(d => d.Code));
        Assert.Equal(DocumentForm.CertifiedCopy, procedure.RequiredDocuments[1].Form);
        Assert.Equal("Mẫu CT01", procedure.RequiredDocuments[0].Template);
        Assert.Contains("XÁC NHẬN", procedure.ResultTemplate, StringComparison.Ordinal);
        var version = await db.ProcedureVersions.SingleAsync(v => v.ProcedureId == procedure.Id);
        Assert.Equal((1, 1), (version.Number, procedure.CurrentVersion));

        var page = await admin.GetStringAsync("/Admin/Procedures/Edit/9.100001");
        Assert.Contains("Đã lưu thủ tục.", await admin.GetStringAsync("/Admin/Procedures/Edit/9.100001?saved=true"), StringComparison.Ordinal);
        Assert.Contains("Chưa công bố", page, StringComparison.Ordinal);
        Assert.Contains("9.100001", await admin.GetStringAsync("/Admin/Procedures"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_preview_renders_the_citizens_form_with_the_portals_renderer_and_names_problems()
    {
        var admin = await SignedInAsync(DemoAccounts.Admin);
        var page = await admin.GetStringAsync("/Admin/Procedures/Edit");

        var preview = await (await admin.PostFormAsync("/Admin/Procedures/Edit?handler=Preview", new Dictionary<string, string> { ["Input.FormJson"] = Form }, page))
            .Content.ReadAsStringAsync();
        Assert.Contains("name=\"f.hoTen\"", preview, StringComparison.Ordinal);
        Assert.Contains("type=\"number\"", preview, StringComparison.Ordinal);
        Assert.Contains("type=\"date\"", preview, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Nhà thuê\">", preview, StringComparison.Ordinal);

        var broken = await (await admin.PostFormAsync("/Admin/Procedures/Edit?handler=Preview",
            new Dictionary<string, string> { ["Input.FormJson"] = """[{ "name": "x", "label": "Loại", "type": "choice" }]""" }, page)).Content.ReadAsStringAsync();
        Assert.Contains("Trường thứ 1 (Loại): trường lựa chọn cần ít nhất một giá trị để chọn.", broken, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_problem_is_reported_in_vietnamese_and_nothing_is_saved()
    {
        var admin = await SignedInAsync(DemoAccounts.Admin);
        var input = Valid("1.23");
        input["Input.Name"] = " ";
        input["Input.Fee"] = "-5";
        input["Input.ProcessingDays"] = "nhiều";
        input["Input.FieldCode"] = "KHONG-CO";
        input["Input.AgencyCode"] = "H-CAOLOC";
        input["Input.WorkflowId"] = "Quy Trình";
        input["Input.DocumentsJson"] = """[{ "name": "", "copies": 0 }]""";
        input["Input.FormJson"] = """
            [{ "name": "1ten", "label": "Tên", "type": "text" }, { "name": "a", "label": "A", "type": "number", "min": 5, "max": 1 },
             { "name": "a", "label": "B", "type": "choice" }, { "name": "c", "label": "C", "type": "magic" }]
            """;
        input["Input.ResultTemplate"] = """{ "title": "X", "paragraphs": ["{{khongCo}}"], "signerTitle": "GĐ" }""";

        var response = await admin.PostFormAsync("/Admin/Procedures/Edit?handler=Save", input, await admin.GetStringAsync("/Admin/Procedures/Edit"));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var expected in new[]
        {
            "Mã thủ tục: phải là mã thủ tục quốc gia dạng 1.009994.", "Tên thủ tục: bắt buộc nhập.", "Lĩnh vực: vui lòng chọn một lĩnh vực.",
            "Cơ quan giải quyết: không có cơ quan mã H-CAOLOC đang hoạt động.", "Lệ phí: nhập số tiền", "Thời hạn giải quyết: nhập số ngày làm việc",
            "Quy trình xử lý: nhập mã quy trình", "Giấy tờ thứ 1: chưa nhập tên giấy tờ.", "Giấy tờ thứ 1: số bản từ 1 đến 20.",
            "Trường thứ 1 (Tên): tên kỹ thuật '1ten'", "Trường thứ 2 (A): giá trị nhỏ nhất lớn hơn giá trị lớn nhất.",
            "Trường thứ 3 (B): tên kỹ thuật 'a' bị trùng.", "Trường thứ 3 (B): trường lựa chọn cần ít nhất một giá trị", "Trường thứ 4 (C): kiểu 'magic' không hợp lệ.",
            "Mẫu văn bản kết quả:",
        })
        {
            Assert.Contains(expected, html, StringComparison.Ordinal);
        }

        Assert.Contains("value=\"1.23\"", html, StringComparison.Ordinal); // what was typed is kept
        await using var db = app.Database.CreateContext();
        Assert.False(await db.Procedures.AnyAsync(p => p.Code == "1.23"));
    }

    [Fact]
    public async Task A_code_already_used_is_refused()
    {
        var admin = await SignedInAsync(DemoAccounts.Admin);

        var html = await (await admin.PostFormAsync("/Admin/Procedures/Edit?handler=Save", Valid("1.002804"), await admin.GetStringAsync("/Admin/Procedures/Edit")))
            .Content.ReadAsStringAsync();

        Assert.Contains("Mã thủ tục: đã có thủ tục mã 1.002804.", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publishing_needs_a_published_workflow_then_citizens_see_the_procedure_until_it_is_unpublished()
    {
        var admin = await SignedInAsync(DemoAccounts.Admin);
        await admin.PostFormAsync("/Admin/Procedures/Edit?handler=Save", Valid("9.100002", workflow: "chua-co-quy-trinh"), await admin.GetStringAsync("/Admin/Procedures/Edit"));

        var refused = await (await admin.PostFormAsync("/Admin/Procedures/Edit/9.100002?handler=Publish", new Dictionary<string, string>(),
            await admin.GetStringAsync("/Admin/Procedures/Edit/9.100002"))).Content.ReadAsStringAsync();
        Assert.Contains("Quy trình 'chua-co-quy-trinh' chưa được ban hành", WebUtility.HtmlDecode(refused), StringComparison.Ordinal);

        var input = Valid("9.100002");
        await admin.PostFormAsync("/Admin/Procedures/Edit/9.100002?handler=Save", input, await admin.GetStringAsync("/Admin/Procedures/Edit/9.100002"));
        var published = await (await admin.PostFormAsync("/Admin/Procedures/Edit/9.100002?handler=Publish", new Dictionary<string, string>(),
            await admin.GetStringAsync("/Admin/Procedures/Edit/9.100002"))).Content.ReadAsStringAsync();
        Assert.Contains("Đã công bố thủ tục", WebUtility.HtmlDecode(published), StringComparison.Ordinal);
        var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/thu-tuc/9.100002")).StatusCode);

        await admin.PostFormAsync("/Admin/Procedures/Edit/9.100002?handler=Unpublish", new Dictionary<string, string>(), await admin.GetStringAsync("/Admin/Procedures/Edit/9.100002"));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/thu-tuc/9.100002")).StatusCode);
    }

    [Fact]
    public async Task A_change_dated_tomorrow_waits_for_its_date_and_a_past_date_is_refused()
    {
        var admin = await SignedInAsync(DemoAccounts.Admin);
        var input = await LoadedAsync(admin, "2.000488");
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).DateTime);

        input["Input.Fee"] = "999000";
        input["Input.EffectiveFrom"] = today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var refused = await (await admin.PostFormAsync("/Admin/Procedures/Edit/2.000488?handler=Save", input, await admin.GetStringAsync("/Admin/Procedures/Edit/2.000488")))
            .Content.ReadAsStringAsync();
        Assert.Contains("Ngày hiệu lực: không được trước ngày hôm nay", WebUtility.HtmlDecode(refused), StringComparison.Ordinal);

        input["Input.EffectiveFrom"] = today.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var saved = await admin.PostFormAsync("/Admin/Procedures/Edit/2.000488?handler=Save", input, await admin.GetStringAsync("/Admin/Procedures/Edit/2.000488"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var page = await admin.GetStringAsync("/Admin/Procedures/Edit/2.000488");
        Assert.Contains("Chờ đến ngày hiệu lực", page, StringComparison.Ordinal);
        Assert.Contains("value=\"999000\"", page, StringComparison.Ordinal); // the editor starts from the newest version
        Assert.Contains("phiên bản mới từ", await admin.GetStringAsync("/Admin/Procedures"), StringComparison.Ordinal);
        await using var db = app.Database.CreateContext();
        Assert.NotEqual(999_000m, (await db.Procedures.SingleAsync(p => p.Code == "2.000488")).Fee);
    }

    [Fact]
    public async Task Non_administrators_get_403_on_every_procedure_operation()
    {
        var leader = app.CreateClient(new() { AllowAutoRedirect = false });
        await leader.SignInAsync(DemoAccounts.LeaderSgtvt);
        var citizen = app.CreateClient(new() { AllowAutoRedirect = false });
        await citizen.SignInAsync(DemoAccounts.Citizen);

        foreach (var client in new[] { leader, citizen })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Admin/Procedures")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Admin/Procedures/Edit/1.002804")).StatusCode);
            var post = await client.PostAsync("/Admin/Procedures/Edit/1.002804?handler=Unpublish", new FormUrlEncodedContent(new Dictionary<string, string>()));
            Assert.True(post.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, post.StatusCode.ToString());
        }

        await using var db = app.Database.CreateContext();
        Assert.True(await db.Procedures.Where(p => p.Code == "1.002804").Select(p => p.IsActive).SingleAsync());
    }

    /// <summary>The editor's fields as the page shows them for an existing procedure.</summary>
    internal static async Task<Dictionary<string, string>> LoadedAsync(HttpClient admin, string code)
    {
        var form = await admin.FormAsync($"/Admin/Procedures/Edit/{code}", "#procedure-form");
        return form.Fields.Where(f => f.Key.StartsWith("Input.", StringComparison.Ordinal)).DistinctBy(f => f.Key)
            .ToDictionary(f => f.Key, f => f.Value);
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        await client.SignInAsync(email);
        return client;
    }
}

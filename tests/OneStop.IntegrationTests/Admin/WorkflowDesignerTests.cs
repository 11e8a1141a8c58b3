using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OneStop.Testing;
using OneStop.Web.Features.Admin.Workflows.Designer;
using OneStop.Workflows.Validation;

namespace OneStop.IntegrationTests.Admin;

/// <summary>The designer's server side: the check worded per field, the organisation and procedure look-ups, simulation and publication.</summary>
public sealed class WorkflowDesignerTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    private const string Draft = """
        {
          "id": "xac-nhan-thiet-ke", "version": 1, "name": "Xác nhận thử thiết kế", "procedures": ["1.002804"],
          "steps": [
            { "id": "reception", "kind": "task", "name": "Tiếp nhận", "assignee": { "role": "Reception", "department": "MOTCUA", "agency": "SGTVT" }, "duration": "4h",
              "actions": [ { "id": "accept", "label": "Tiếp nhận", "target": "notify", "issues": ["receipt"] } ] },
            { "id": "notify", "kind": "auto", "name": "Báo hệ thống bưu chính", "do": [ { "webhook": "khong-cau-hinh" } ], "next": "done" },
            { "id": "done", "kind": "end", "name": "Hoàn thành", "outcome": "completed" }
          ]
        }
        """;

    private async Task<HttpClient> AdminAsync()
    {
        var admin = app.CreateClient();
        await admin.SignInAsync(DemoAccounts.Admin);
        return admin;
    }

    private static async Task<JsonElement> CheckAsync(HttpClient admin, string json)
    {
        var response = await admin.PostFormAsync("/Admin/Workflows/Edit?handler=Check", new Dictionary<string, string> { ["json"] = json },
            await admin.GetStringAsync("/Admin/Workflows/Edit?blank=true"));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task The_check_words_each_problem_for_its_field_warns_of_an_unconfigured_webhook_and_knows_the_latest_version()
    {
        var admin = await AdminAsync();
        var broken = Draft.Replace("\"target\": \"notify\"", "\"target\": \"\"", StringComparison.Ordinal)
            .Replace("\"department\": \"MOTCUA\"", "\"department\": \"PHONG-MA\"", StringComparison.Ordinal)
            .Replace("\"id\": \"xac-nhan-thiet-ke\"", "\"id\": \"driving-licence-renewal\"", StringComparison.Ordinal);

        var good = await CheckAsync(admin, Draft);
        var bad = await CheckAsync(admin, broken);

        Assert.True(good.GetProperty("valid").GetBoolean());
        Assert.Equal(JsonValueKind.Null, good.GetProperty("latestVersion").ValueKind);
        var warning = Assert.Single(good.GetProperty("warnings").EnumerateArray());
        Assert.Equal("$.steps[1].do[0].webhook", warning.GetProperty("path").GetString());
        Assert.Contains("chưa được cấu hình", warning.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(bad.GetProperty("valid").GetBoolean());
        Assert.Equal(1, bad.GetProperty("latestVersion").GetInt32());
        var problems = bad.GetProperty("problems").EnumerateArray().ToDictionary(p => p.GetProperty("path").GetString()!, p => p.GetProperty("message").GetString());
        Assert.Equal("Chưa chọn bước chuyển đến.", problems["$.steps[0].actions[0].target"]);
        Assert.Equal("Phòng, ban “PHONG-MA” không có ở cơ quan xử lý bước này; hãy chọn lại.", problems["$.steps[0].assignee.department"]);
        Assert.Equal("Không có thao tác nào dẫn tới bước này từ bước bắt đầu: hồ sơ sẽ không bao giờ tới đây.", problems["$.steps[1]"]);
    }

    [Fact]
    public async Task The_designer_opens_on_a_template_a_published_version_or_nothing_and_lists_the_organisation()
    {
        var admin = await AdminAsync();

        var start = await admin.GetStringAsync("/Admin/Workflows/Edit");
        var template = WebUtility.HtmlDecode(await admin.GetStringAsync("/Admin/Workflows/Edit?template=construction-permit-house"));
        var published = WebUtility.HtmlDecode(await admin.GetStringAsync("/Admin/Workflows/Edit?id=birth-registration"));
        var unknown = await admin.GetAsync("/Admin/Workflows/Edit?template=..%2Fappsettings");

        Assert.Contains("data-testid=\"template-driving-licence-renewal\"", start, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"start-blank\"", start, StringComparison.Ordinal);
        Assert.Contains("\"id\": \"construction-permit-house\"", template, StringComparison.Ordinal);
        Assert.Contains("\"version\": 2", published, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var island = template[(template.IndexOf("id=\"designer-catalogue\">", StringComparison.Ordinal) + 24)..];
        var catalogue = JsonDocument.Parse(island[..island.IndexOf("</script>", StringComparison.Ordinal)]).RootElement;
        Assert.Contains(catalogue.GetProperty("roles").EnumerateArray(), r => r.GetProperty("code").GetString() == "Specialist" && r.GetProperty("name").GetString() == "Chuyên viên");
        var sgtvt = catalogue.GetProperty("agencies").EnumerateArray().Single(a => a.GetProperty("code").GetString() == "SGTVT");
        Assert.Contains(sgtvt.GetProperty("departments").EnumerateArray(), d => d.GetProperty("code").GetString() == "QLPT");
        Assert.Contains(catalogue.GetProperty("documentKinds").EnumerateArray(), k => k.GetProperty("code").GetString() == "supplementRequest");
    }

    [Fact]
    public async Task Procedures_are_found_without_diacritics_and_their_form_fields_typed_for_conditions()
    {
        var admin = await AdminAsync();

        var found = await admin.GetFromJsonAsync<JsonElement>("/Admin/Workflows/Edit?handler=Procedures&q=" + Uri.EscapeDataString("giay phep lai xe"));
        var form = await admin.GetFromJsonAsync<JsonElement>("/Admin/Workflows/Edit?handler=Procedure&code=1.002804");
        var missing = await admin.GetStringAsync("/Admin/Workflows/Edit?handler=Procedure&code=9.999999");

        Assert.Contains(found.EnumerateArray(), p => p.GetProperty("code").GetString() == "1.002804");
        Assert.Equal(5, form.GetProperty("processingDays").GetInt32());
        var fields = form.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("type").GetString());
        Assert.Equal("string", fields["licenceClass"]);
        Assert.Equal("bool", fields["deliverByPost"]);
        Assert.False(fields.ContainsKey("postalAddress")); // an address is not compared by a condition
        Assert.Equal("null", missing);
    }

    [Fact]
    public async Task The_designer_simulates_a_draft_and_refuses_an_invalid_one_with_its_problems()
    {
        var admin = await AdminAsync();
        var token = Token(await admin.GetStringAsync("/Admin/Workflows/Edit?blank=true"));

        var ok = await PostJsonAsync(admin, token, new { json = Draft, start = "2026-12-04T09:00:00+07:00", agency = "SGTVT", legalDays = 5 });
        var invalid = await PostJsonAsync(admin, token, new { json = Draft.Replace("\"target\": \"notify\"", "\"target\": \"khong-co\"", StringComparison.Ordinal) });
        var forged = await admin.PostAsync("/Admin/Workflows/Edit?handler=Simulate", new StringContent(JsonSerializer.Serialize(new { json = Draft }), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var result = await ok.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("completed", result.GetProperty("outcome").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        Assert.Contains((await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray(),
            p => p.GetProperty("path").GetString() == "$.steps[0].actions[0].target");
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode); // no anti-forgery token
    }

    [Fact]
    public async Task Publishing_from_the_designer_is_audited_offers_the_migration_and_refuses_an_invalid_draft()
    {
        var admin = await AdminAsync();
        var scenario = new DossierScenario(app.Services);
        await scenario.SubmitDrivingLicenceAsync(); // runs on version 1
        var v2 = JsonNode.Parse(await admin.GetStringAsync("/api/v1/admin/workflows/driving-licence-renewal/1"))!.AsObject();
        v2["version"] = 2;
        v2["name"] = "Cấp đổi giấy phép lái xe (quy trình 2027)";

        var invalid = await admin.PostFormAsync("/Admin/Workflows/Edit?handler=Publish", new Dictionary<string, string>
        {
            ["json"] = v2.ToJsonString().Replace("\"QLPT\"", "\"PHONG-MA\"", StringComparison.Ordinal), ["origin"] = "template:driving-licence-renewal",
        });
        var refused = WebUtility.HtmlDecode(await invalid.Content.ReadAsStringAsync());
        var published = WebUtility.HtmlDecode(await (await admin.PostFormAsync("/Admin/Workflows/Edit?handler=Publish", new Dictionary<string, string>
        {
            ["json"] = v2.ToJsonString(), ["origin"] = "template:driving-licence-renewal",
        })).Content.ReadAsStringAsync());

        Assert.Contains("Chưa ban hành được: quy trình còn 1 lỗi.", refused, StringComparison.Ordinal);
        Assert.Contains("Phòng, ban “PHONG-MA” không có ở cơ quan xử lý bước này", refused, StringComparison.Ordinal);
        Assert.Contains("phiên bản 2. Hồ sơ nộp từ bây giờ đi theo phiên bản này.", published, StringComparison.Ordinal);
        Assert.Contains("/Admin/Workflows/Migrate?id=driving-licence-renewal&from=1&to=2", published, StringComparison.Ordinal);
        await using var db = app.Database.CreateContext();
        Assert.Equal([1, 2], await db.WorkflowDefinitions.Where(w => w.Id == "driving-licence-renewal").OrderBy(w => w.Version).Select(w => w.Version).ToListAsync());
        var audit = await db.AuditLog.Where(a => a.Action == "WorkflowDefinition.Created" && a.EntityId == "driving-licence-renewal:2").SingleAsync();
        Assert.Equal(DemoAccounts.Admin, audit.UserName);
        Assert.Contains("quy trình 2027", audit.After!, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_problem_is_worded_for_the_field_it_sits_beside()
    {
        var draft = JsonNode.Parse(Draft);
        string Say(ProblemCode code, string path) => DesignerProblemText.Describe(new WorkflowProblem(code, path, "", "validator"), draft).Message;

        Assert.Equal("Chưa nhập tên nút thao tác.", Say(ProblemCode.MissingField, "$.steps[0].actions[0].label"));
        Assert.Equal("Chưa chọn bước tiếp theo.", Say(ProblemCode.NoWayOut, "$.steps[1].next"));
        Assert.Equal("Bước “notify” không còn trong quy trình; hãy chọn lại.", Say(ProblemCode.UnknownTarget, "$.steps[0].actions[0].target"));
        Assert.Equal("Cơ quan “SGTVT” không có trong danh sách tổ chức; hãy chọn lại.", Say(ProblemCode.UnknownAgency, "$.steps[0].assignee.agency"));
        Assert.Equal("validator", Say(ProblemCode.MalformedJson, "$"));
        Assert.Equal("target", DesignerProblemText.LastField("$.steps[2].actions[0].target"));
        Assert.Equal("branches", DesignerProblemText.LastField("$.steps[2].branches[1]"));
        Assert.Equal("MOTCUA", DesignerProblemText.Resolve(draft, "$.steps[0].assignee.department")!.GetValue<string>());
        Assert.Null(DesignerProblemText.Resolve(draft, "$.steps[9].name"));
    }

    private static string Token(string page) => PageForms.AntiforgeryToken(page) ?? string.Empty;

    private static Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string token, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/Admin/Workflows/Edit?handler=Simulate")
        {
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("RequestVerificationToken", token);
        return client.SendAsync(request);
    }
}

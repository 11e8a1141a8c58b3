using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Admin;

public sealed class WorkflowConsoleTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    // A condition on the fee and a parallel consultation of two departments, five working days in all.
    private const string Draft = """
        {
          "id": "cap-phep-thu-nghiem", "version": 1, "name": "Cấp phép thử nghiệm", "procedures": ["1.002804"],
          "inputs": { "fee": "number" }, "totalDuration": "5d",
          "steps": [
            { "id": "reception", "kind": "task", "name": "Tiếp nhận", "assignee": { "role": "Reception", "department": "MOTCUA" }, "duration": "4h",
              "actions": [ { "id": "accept", "label": "Tiếp nhận", "target": "consult", "issues": ["receipt"] } ] },
            { "id": "consult", "kind": "parallel", "name": "Lấy ý kiến", "branches": ["review", "legal"], "joinStep": "join" },
            { "id": "review", "kind": "task", "name": "Thẩm định", "assignee": { "role": "Specialist", "department": "QLPT" }, "duration": "2d",
              "actions": [ { "id": "ok", "label": "Đạt", "target": "join" } ] },
            { "id": "legal", "kind": "task", "name": "Ý kiến pháp chế", "assignee": { "role": "Specialist", "department": "QLPT" }, "duration": "1d",
              "actions": [ { "id": "ok", "label": "Đồng ý", "target": "join" } ] },
            { "id": "join", "kind": "join", "name": "Tổng hợp", "next": "approve" },
            { "id": "approve", "kind": "task", "name": "Phê duyệt", "assignee": { "role": "Leader", "department": "QLPT" }, "duration": "1d",
              "actions": [
                { "id": "approve-free", "label": "Duyệt (miễn phí)", "target": "done", "condition": "fee == 0" },
                { "id": "approve-paid", "label": "Duyệt (có phí)", "target": "done", "condition": "fee > 0" } ] },
            { "id": "done", "kind": "end", "name": "Hoàn thành", "outcome": "completed" }
          ]
        }
        """;

    [Fact]
    public async Task The_validate_endpoint_lists_every_problem_with_its_path_and_draws_a_valid_draft()
    {
        var admin = await app.CreateBearerClientAsync(DemoAccounts.Admin);

        var broken = await PostJsonTextAsync(admin, "/api/v1/admin/workflows/validate",
            Draft.Replace("\"label\": \"Đồng ý\", \"target\": \"join\"", "\"label\": \"Đồng ý\", \"target\": \"khong-co\"", StringComparison.Ordinal));
        var good = await PostJsonTextAsync(admin, "/api/v1/admin/workflows/validate", Draft);
        var garbage = await PostJsonTextAsync(admin, "/api/v1/admin/workflows/validate", "{ not json");

        Assert.False(broken.GetProperty("valid").GetBoolean());
        Assert.Contains(broken.GetProperty("problems").EnumerateArray(), p => p.GetProperty("path").GetString() == "$.steps[3].actions[0].target");
        Assert.True(good.GetProperty("valid").GetBoolean());
        Assert.Contains("flowchart", good.GetProperty("mermaid").GetString(), StringComparison.Ordinal);
        Assert.False(garbage.GetProperty("valid").GetBoolean());
        Assert.NotEmpty(garbage.GetProperty("problems").EnumerateArray());
    }

    [Fact]
    public async Task Publishing_through_the_api_creates_once_refuses_a_changed_same_version_and_an_invalid_one()
    {
        var admin = await app.CreateBearerClientAsync(DemoAccounts.Admin);
        var json = Draft.Replace("cap-phep-thu-nghiem", "cap-phep-api", StringComparison.Ordinal);

        var created = await admin.PostAsync("/api/v1/admin/workflows", Body(json));
        var again = await admin.PostAsync("/api/v1/admin/workflows", Body(json));
        var changed = await admin.PostAsync("/api/v1/admin/workflows", Body(json.Replace("Cấp phép thử nghiệm", "Tên khác", StringComparison.Ordinal)));
        var invalid = await admin.PostAsync("/api/v1/admin/workflows", Body(json.Replace("\"version\": 1", "\"version\": 2", StringComparison.Ordinal)
            .Replace("\"department\": \"MOTCUA\"", "\"department\": \"KHONG-CO\"", StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, changed.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/workflows");
        Assert.Single(list.EnumerateArray(), d => d.GetProperty("id").GetString() == "cap-phep-api");
        var stored = await admin.GetStringAsync("/api/v1/admin/workflows/cap-phep-api/1");
        Assert.Contains("Cấp phép thử nghiệm", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_simulation_walks_the_chosen_actions_through_the_parallel_branches_on_working_days()
    {
        var admin = await app.CreateBearerClientAsync(DemoAccounts.Admin);

        // Friday 4 December 2026, 9:00: counting starts at once; four working hours across the lunch break end at 15:00.
        var response = await admin.PostAsJsonAsync("/api/v1/admin/workflows/simulate", new
        {
            json = Draft, start = "2026-12-04T09:00:00+07:00", agency = "SGTVT", legalDays = 3,
            choices = new Dictionary<string, string> { ["approve"] = "approve-paid" }, inputs = new Dictionary<string, string> { ["fee"] = "135000" },
        });
        response.EnsureSuccessStatusCode();
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();

        var steps = result.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("stepId").GetString()).ToList();
        Assert.Equal(["reception", "legal", "review", "approve"], steps);
        Assert.Equal("approve-paid", result.GetProperty("steps")[3].GetProperty("actionId").GetString());
        Assert.Equal("completed", result.GetProperty("outcome").GetString());
        Assert.False(result.GetProperty("fitsLegalDeadline").GetBoolean());
        Assert.False(result.GetProperty("totalDurationWithinLegal").GetBoolean());
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 15, 0, 0, TimeSpan.FromHours(7)), result.GetProperty("steps")[0].GetProperty("dueAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_simulation_refuses_an_invalid_draft_and_a_sample_value_of_the_wrong_type()
    {
        var admin = await app.CreateBearerClientAsync(DemoAccounts.Admin);

        var invalid = await admin.PostAsJsonAsync("/api/v1/admin/workflows/simulate", new { json = Draft.Replace("\"kind\": \"end\"", "\"kind\": \"nowhere\"", StringComparison.Ordinal) });
        var wrongType = await admin.PostAsJsonAsync("/api/v1/admin/workflows/simulate", new { json = Draft, inputs = new Dictionary<string, string> { ["fee"] = "một trăm" } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        var problem = await wrongType.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("fee", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_simulation_page_shows_the_walk_and_the_legal_deadline_check()
    {
        var admin = app.CreateClient();
        await admin.SignInAsync(DemoAccounts.Admin);

        var page = await (await admin.PostFormAsync("/Admin/Workflows/Simulate", new Dictionary<string, string>
        {
            ["json"] = Draft, ["Start"] = "2026-12-04T09:00", ["Agency"] = "SGTVT", ["LegalDays"] = "10", ["Choices[approve]"] = "approve-free", ["Inputs[fee]"] = "0",
        })).Content.ReadAsStringAsync();

        Assert.Contains("data-testid=\"result\"", page, StringComparison.Ordinal);
        Assert.Contains("Duyệt (miễn phí)", page, StringComparison.Ordinal);
        Assert.Contains("Có — kết thúc trong thời hạn", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Running_instances_move_to_a_new_version_only_with_a_valid_step_mapping_previewed_first()
    {
        var scenario = new DossierScenario(app.Services);
        var dossier = await scenario.SubmitDrivingLicenceAsync();
        var admin = await app.CreateBearerClientAsync(DemoAccounts.Admin);
        var v1 = JsonNode.Parse(await admin.GetStringAsync("/api/v1/admin/workflows/driving-licence-renewal/1"))!.AsObject();
        var v2 = v1.ToJsonString().Replace("\"reception\"", "\"reception-2027\"", StringComparison.Ordinal).Replace("\"version\":1", "\"version\":2", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/v1/admin/workflows", Body(v2))).StatusCode);

        var unmapped = await (await admin.PostAsJsonAsync("/api/v1/admin/workflows/driving-licence-renewal/migrations/preview",
            new { fromVersion = 1, toVersion = 2 })).Content.ReadFromJsonAsync<JsonElement>();
        var refused = await admin.PostAsJsonAsync("/api/v1/admin/workflows/driving-licence-renewal/migrations", new { fromVersion = 1, toVersion = 2 });
        var mapping = new Dictionary<string, string> { ["reception"] = "reception-2027" };
        var mapped = await (await admin.PostAsJsonAsync("/api/v1/admin/workflows/driving-licence-renewal/migrations/preview",
            new { fromVersion = 1, toVersion = 2, stepMapping = mapping })).Content.ReadFromJsonAsync<JsonElement>();
        var done = await admin.PostAsJsonAsync("/api/v1/admin/workflows/driving-licence-renewal/migrations",
            new { fromVersion = 1, toVersion = 2, stepMapping = mapping, comment = "Quy trình 2027" });

        Assert.True(unmapped.GetProperty("blocked").GetInt32() >= 1);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(0, mapped.GetProperty("blocked").GetInt32());
        done.EnsureSuccessStatusCode();
        var report = await done.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(report.GetProperty("migrated").GetInt32() >= 1);
        await using var db = app.Database.CreateContext();
        var instance = await db.WorkflowInstances.SingleAsync(i => i.DossierCode == dossier.Code);
        Assert.Equal(2, instance.DefinitionVersion);
        Assert.Contains(await db.WorkflowTasks.Where(t => t.InstanceId == instance.Id).Select(t => t.StepId).ToListAsync(), s => s == "reception-2027");
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/workflows");
        Assert.Equal(0, list.EnumerateArray().Single(d => d.GetProperty("id").GetString() == "driving-licence-renewal" && d.GetProperty("version").GetInt32() == 1)
            .GetProperty("running").GetInt32());
    }

    [Fact]
    public async Task The_migration_page_previews_groups_by_step_and_the_console_pages_open_for_admins_only()
    {
        var admin = app.CreateClient();
        await admin.SignInAsync(DemoAccounts.Admin);
        var leader = app.CreateClient(new() { AllowAutoRedirect = false });
        await leader.SignInAsync(DemoAccounts.LeaderSgtvt);
        var citizen = await app.CreateBearerClientAsync(DemoAccounts.Citizen);

        var edit = await admin.GetStringAsync("/Admin/Workflows/Edit?id=driving-licence-renewal");
        var missing = await admin.GetAsync("/Admin/Workflows/Edit?id=khong-co");
        var same = await admin.GetStringAsync("/Admin/Workflows/Migrate?id=driving-licence-renewal&from=1&to=1");

        Assert.Contains("&quot;id&quot;: &quot;driving-licence-renewal&quot;", edit, StringComparison.Ordinal);
        Assert.DoesNotContain("&quot;version&quot;: 1,", edit, StringComparison.Ordinal); // edited as the next version
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("Phiên bản đích phải khác phiên bản nguồn.", same, StringComparison.Ordinal);
        foreach (var path in new[] { "/Admin/Workflows/Edit", "/Admin/Workflows/Simulate", "/Admin/Workflows/Migrate?id=x&from=1&to=2" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await leader.GetAsync(path)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync("/api/v1/admin/workflows")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.PostAsync("/api/v1/admin/workflows/validate", Body(Draft))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().PostAsync("/api/v1/admin/workflows/validate", Body(Draft))).StatusCode);
    }

    [Fact]
    public async Task The_live_check_handler_answers_with_problems_and_the_diagram()
    {
        var admin = app.CreateClient();
        await admin.SignInAsync(DemoAccounts.Admin);

        var response = await admin.PostFormAsync("/Admin/Workflows/Edit?handler=Check", new Dictionary<string, string>
        {
            ["json"] = Draft.Replace("\"department\": \"MOTCUA\"", "\"department\": \"KHONG-CO\"", StringComparison.Ordinal),
        }, await admin.GetStringAsync("/Admin/Workflows/Edit?blank=true"));
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.False(result.GetProperty("valid").GetBoolean());
        Assert.Contains(result.GetProperty("problems").EnumerateArray(), p => p.GetProperty("path").GetString() == "$.steps[0].assignee.department");
        Assert.Contains(result.GetProperty("problems").EnumerateArray(), p => p.GetProperty("message").GetString() == "Phòng, ban “KHONG-CO” không có ở cơ quan xử lý bước này; hãy chọn lại.");
        // The designer draws its diagram without inline styles: the console runs under the site's strict policy.
        Assert.Contains("style-src 'self';", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> PostJsonTextAsync(HttpClient client, string path, string json)
    {
        var response = await client.PostAsync(path, Body(json));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

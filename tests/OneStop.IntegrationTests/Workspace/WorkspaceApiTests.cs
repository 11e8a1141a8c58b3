using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Data;
using OneStop.Testing;
using OneStop.Workflows.Runtime;

namespace OneStop.IntegrationTests.Workspace;

/// <summary>
/// The officials' API (/api/v1/workspace) does what the workspace pages do, through the same use cases: one dossier driven through
/// the API and one through the pages end with the same journal and the same documents; the inbox answers as the page's; actions
/// need the dossier's ETag in If-Match; the counter takes walk-ins; the receiving agency apologises.
/// </summary>
public sealed class WorkspaceApiTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    [Fact]
    public async Task A_dossier_driven_through_the_api_ends_with_the_same_journal_and_documents_as_one_driven_through_the_pages()
    {
        var scenario = new DossierScenario(app.Services);
        var viaApi = await scenario.SubmitDrivingLicenceAsync();
        var viaPages = await scenario.SubmitDrivingLicenceAsync();

        var reception = await app.CreateBearerClientAsync(DemoAccounts.ReceptionSgtvt);
        var specialist = await app.CreateBearerClientAsync(DemoAccounts.SpecialistSgtvt);
        var leader = await app.CreateBearerClientAsync(DemoAccounts.LeaderSgtvt);
        await WorkspaceApi.ActAsync(reception, viaApi.Id, "accept", "Hồ sơ đầy đủ");
        var review = await WorkspaceApi.DossierAsync(specialist, viaApi.Id);
        var claimed = await specialist.PostAsync($"/api/v1/workspace/dossiers/{viaApi.Id}/tasks/{Task(review)}/claim", null);
        Assert.Equal(HttpStatusCode.OK, claimed.StatusCode);
        await WorkspaceApi.ActAsync(specialist, viaApi.Id, "submit", "Đủ điều kiện cấp đổi");
        await WorkspaceApi.ActAsync(leader, viaApi.Id, "approve", "Đồng ý");

        var counterPage = CookieClient();
        await counterPage.SignInAsync(DemoAccounts.ReceptionSgtvt);
        var specialistPage = CookieClient();
        await specialistPage.SignInAsync(DemoAccounts.SpecialistSgtvt);
        var leaderPage = CookieClient();
        await leaderPage.SignInAsync(DemoAccounts.LeaderSgtvt);
        Assert.StartsWith("message:", await counterPage.ActAsync(viaPages.Id, "accept", new Dictionary<string, string> { ["Comment"] = "Hồ sơ đầy đủ" }));
        var task = (await WorkspaceApi.DossierAsync(specialist, viaPages.Id)).GetProperty("tasks")[0].GetProperty("taskId").GetString()!;
        Assert.StartsWith("message:", await specialistPage.PostHandlerAsync(viaPages.Id, "Claim", new Dictionary<string, string> { ["taskId"] = task }));
        Assert.StartsWith("message:", await specialistPage.ActAsync(viaPages.Id, "submit", new Dictionary<string, string> { ["Comment"] = "Đủ điều kiện cấp đổi" }));
        Assert.StartsWith("message:", await leaderPage.ActAsync(viaPages.Id, "approve", new Dictionary<string, string> { ["Comment"] = "Đồng ý" }));
        await scenario.DeliverEffectsAsync();

        Assert.Equal(await JournalAsync(viaPages), await JournalAsync(viaApi));
        Assert.Equal(await DocumentKindsAsync(viaPages.Id), await DocumentKindsAsync(viaApi.Id));
        Assert.Contains("result", await DocumentKindsAsync(viaApi.Id));
        var done = await WorkspaceApi.DossierAsync(reception, viaApi.Id);
        Assert.Equal(nameof(DossierStatus.Completed), done.GetProperty("status").GetString());
        Assert.Contains(done.GetProperty("documents").EnumerateArray(), d => d.GetProperty("kind").GetString() == "receipt");
    }

    [Fact]
    public async Task The_inbox_lists_what_the_page_lists_with_its_filters_counts_and_paging()
    {
        var dossier = await new DossierScenario(app.Services).SubmitDrivingLicenceAsync();
        var reception = await app.CreateBearerClientAsync(DemoAccounts.ReceptionSgtvt);

        var inbox = await reception.GetFromJsonAsync<JsonElement>($"/api/v1/workspace/inbox?q={dossier.Code}");
        var all = await reception.GetFromJsonAsync<JsonElement>("/api/v1/workspace/inbox?filter=unassigned&page=-3");
        var page = await CookieClientSignedInAsync(DemoAccounts.ReceptionSgtvt);
        var html = await page.GetStringAsync($"/Workspace?q={dossier.Code}");

        var item = Assert.Single(inbox.GetProperty("items").EnumerateArray());
        Assert.Equal(dossier.Code, item.GetProperty("code").GetString());
        Assert.True(item.GetProperty("claimable").GetBoolean());
        Assert.Equal($"/api/v1/workspace/dossiers/{dossier.Id}", item.GetProperty("url").GetString());
        Assert.Contains(dossier.Code!, html, StringComparison.Ordinal);
        Assert.Equal(1, all.GetProperty("page").GetInt32());
        Assert.True(all.GetProperty("total").GetInt32() >= 1);
        Assert.Equal(all.GetProperty("unassigned").GetInt32(), all.GetProperty("total").GetInt32());
        Assert.Equal(25, all.GetProperty("pageSize").GetInt32());
    }

    [Fact]
    public async Task An_action_needs_the_dossiers_etag_and_is_refused_when_someone_acted_meanwhile()
    {
        var dossier = await new DossierScenario(app.Services).SubmitDrivingLicenceAsync();
        var reception = await app.CreateBearerClientAsync(DemoAccounts.ReceptionSgtvt);
        var view = await reception.GetAsync($"/api/v1/workspace/dossiers/{dossier.Id}");
        var etag = view.Headers.ETag!;
        var body = await view.Content.ReadFromJsonAsync<JsonElement>();
        var path = $"/api/v1/workspace/dossiers/{dossier.Id}/tasks/{Task(body)}/actions/";

        var without = await reception.PostAsJsonAsync(path + "accept", new { comment = "x" });
        var stale = new HttpRequestMessage(HttpMethod.Post, path + "requestSupplement") { Content = JsonContent.Create(new { comment = "Thiếu ảnh" }) };
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{body.GetProperty("version").GetInt64() - 1}\""));
        var refused = await reception.SendAsync(stale);
        var accept = new HttpRequestMessage(HttpMethod.Post, path + "accept") { Content = JsonContent.Create(new { comment = "Đủ" }) };
        accept.Headers.IfMatch.Add(etag);
        var accepted = await reception.SendAsync(accept);
        var again = new HttpRequestMessage(HttpMethod.Post, path + "accept") { Content = JsonContent.Create(new { comment = "Đủ" }) };
        again.Headers.IfMatch.Add(etag);
        var twice = await reception.SendAsync(again);

        Assert.Equal(HttpStatusCode.PreconditionRequired, without.StatusCode);
        Assert.Equal("application/problem+json", without.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.NotEqual(etag, accepted.Headers.ETag);
        Assert.Contains("Tiếp nhận", (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.True(twice.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.Conflict or HttpStatusCode.NotFound, $"{twice.StatusCode}");
        await using var scope = app.Services.CreateAsyncScope();
        var instance = await scope.ServiceProvider.GetRequiredService<IWorkflowEngine>().FindByDossierCodeAsync(dossier.Code!);
        Assert.Single(instance!.Journal, j => j.ActionId == "accept");
        Assert.DoesNotContain(instance.Journal, j => j.ActionId == "requestSupplement");
    }

    [Fact]
    public async Task The_counter_takes_a_walk_in_and_a_specialist_may_not()
    {
        var reception = await app.CreateBearerClientAsync(DemoAccounts.ReceptionSgtvt);
        var specialist = await app.CreateBearerClientAsync(DemoAccounts.SpecialistSgtvt);
        var request = new
        {
            procedureCode = "1.002804",
            applicant = new { fullName = "Lý Thị Hoa", idNumber = "020190004321", phone = "0912000111", address = "Thôn Nà Sla, xã Hoàng Đồng, tỉnh Lạng Sơn" },
            formData = new { licenceNumber = "200123456700", licenceClass = "B", deliverByPost = false },
        };

        var created = await reception.PostAsJsonAsync("/api/v1/workspace/walk-ins", request);
        var refused = await specialist.PostAsJsonAsync("/api/v1/workspace/walk-ins", request);
        var invalid = await reception.PostAsJsonAsync("/api/v1/workspace/walk-ins", new { procedureCode = "1.002804", applicant = new { idNumber = "12" } });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var dossier = await WorkspaceApi.DossierAsync(reception, body.GetProperty("id").GetGuid());
        Assert.Equal(body.GetProperty("code").GetString(), dossier.GetProperty("code").GetString());
        Assert.Contains("Lý Thị Hoa", dossier.GetProperty("applicant").GetString(), StringComparison.Ordinal);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<OneStopDbContext>().Dossiers.SingleAsync(d => d.Id == body.GetProperty("id").GetGuid());
            Assert.Equal(SubmissionChannel.Counter, stored.Channel);
        }

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var problem = await invalid.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("applicant.fullName", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("applicant.idNumber", out _));
    }

    [Fact]
    public async Task The_receiving_agency_apologises_and_a_leader_assigns_through_the_api()
    {
        var scenario = new DossierScenario(app.Services);
        var dossier = await scenario.SubmitDrivingLicenceAsync();
        var reception = await app.CreateBearerClientAsync(DemoAccounts.ReceptionSgtvt);
        await WorkspaceApi.ActAsync(reception, dossier.Id, "accept", "Đủ");
        var leader = await app.CreateBearerClientAsync(DemoAccounts.LeaderSgtvt);
        var view = await WorkspaceApi.DossierAsync(leader, dossier.Id);
        var task = view.GetProperty("tasks")[0];
        var colleague = task.GetProperty("assignableTo")[0].GetProperty("id").GetGuid();

        var assigned = await leader.PostAsJsonAsync($"/api/v1/workspace/dossiers/{dossier.Id}/tasks/{task.GetProperty("taskId").GetString()}/assign",
            new { assigneeId = colleague });
        var apology = await reception.PostAsJsonAsync($"/api/v1/workspace/dossiers/{dossier.Id}/apology",
            new { newDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(20)), reason = "Chờ kết quả xác minh của Công an tỉnh" });
        var noReason = await reception.PostAsJsonAsync($"/api/v1/workspace/dossiers/{dossier.Id}/apology", new { newDate = "2030-01-10" });

        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        Assert.Equal(HttpStatusCode.OK, apology.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var after = await WorkspaceApi.DossierAsync(reception, dossier.Id);
        Assert.Contains(after.GetProperty("documents").EnumerateArray(), d => d.GetProperty("kind").GetString() == "apology");
        Assert.NotNull((await WorkspaceApi.DossierAsync(leader, dossier.Id)).GetProperty("tasks")[0].GetProperty("assignedTo").GetString());
    }

    [Fact]
    public async Task A_result_file_is_sent_by_multipart_and_the_hand_over_is_recorded_as_on_the_page()
    {
        var dossier = await new DossierScenario(app.Services).SubmitCriminalRecordAsync();
        var counter = await app.CreateBearerClientAsync("tiepnhan.stp@demo.onestop.vn");
        await WorkspaceApi.ActAsync(counter, dossier.Id, "accept", "Đủ");
        await WorkspaceApi.ActAsync(await app.CreateBearerClientAsync("chuyenvien.hctp.stp@demo.onestop.vn"), dossier.Id, "sendToPolice", "Đề nghị tra cứu");
        await new DossierScenario(app.Services).DeliverEffectsAsync();
        var police = await app.CreateBearerClientAsync("chuyenvien.pv06.ca-tinh@demo.onestop.vn");

        var withoutFile = await WorkspaceApi.SendActionAsync(police, dossier.Id, "reply", JsonContent.Create(new { comment = "Không có án tích" }));
        var file = new ByteArrayContent(OfficialPages.Pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var withFile = await WorkspaceApi.SendActionAsync(police, dossier.Id, "reply",
            new MultipartFormDataContent { { new StringContent("Không có án tích"), "comment" }, { file, "file", "tra-cuu.pdf" } });
        Assert.Equal(HttpStatusCode.BadRequest, withoutFile.StatusCode);
        Assert.Contains("cần đính kèm tệp kết quả", (await withoutFile.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, withFile.StatusCode);

        await WorkspaceApi.ActAsync(await app.CreateBearerClientAsync("lanhdao.stp@demo.onestop.vn"), dossier.Id, "approve", "Đồng ý");
        await new DossierScenario(app.Services).DeliverEffectsAsync();
        var noReceiver = await WorkspaceApi.SendActionAsync(counter, dossier.Id, "returnResult", JsonContent.Create(new { handoverMethod = "counter" }));
        var returned = await WorkspaceApi.SendActionAsync(counter, dossier.Id, "returnResult",
            JsonContent.Create(new { handoverMethod = "counter", receivedBy = "Nguyễn Văn An" }));

        Assert.Equal(HttpStatusCode.BadRequest, noReceiver.StatusCode);
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        await using var db = app.Database.CreateContext();
        var done = await db.Dossiers.SingleAsync(d => d.Id == dossier.Id);
        Assert.Equal((DossierStatus.Completed, HandoverMethod.Counter, "Nguyễn Văn An"), (done.Status, done.ResultReturnMethod!.Value, done.ResultReceivedBy));
        Assert.Contains("tra-cuu.pdf", (await db.WorkflowJournal.SingleAsync(j => j.DossierCode == dossier.Code && j.ActionId == "reply")).Files);
    }

    private static string Task(JsonElement dossier) => dossier.GetProperty("tasks")[0].GetProperty("taskId").GetString()!;

    /// <summary>A browser-like client: the dossier page answers a post with a redirect (Post/Redirect/Get), which it follows.</summary>
    private HttpClient CookieClient() => app.CreateClient();

    private async Task<HttpClient> CookieClientSignedInAsync(string email)
    {
        var client = CookieClient();
        await client.SignInAsync(email);
        return client;
    }

    /// <summary>The journal as what happened, by whom (role), with what comment, files and documents: no ids, times or addresses, which differ between two dossiers.</summary>
    private async Task<List<string>> JournalAsync(Dossier dossier)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var instance = await scope.ServiceProvider.GetRequiredService<IWorkflowEngine>().FindByDossierCodeAsync(dossier.Code!);
        return instance!.Journal.Select(j =>
            $"{j.Kind}|{j.FromStep}>{j.ToStep}|{j.ActionId}|{j.ActorRole}|{j.Department}|{j.Comment}|{string.Join(",", j.Files)}|{string.Join(",", j.Documents)}").ToList();
    }

    private async Task<List<string>> DocumentKindsAsync(Guid dossierId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OneStopDbContext>().IssuedDocuments.Where(d => d.DossierId == dossierId)
            .OrderBy(d => d.IssuedAt).Select(d => d.Kind).ToListAsync();
    }
}

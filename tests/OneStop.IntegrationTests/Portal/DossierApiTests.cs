using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Portal;

public sealed class DossierApiTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
    private static readonly object ValidForm = new { licenceNumber = "200123456789", licenceClass = "B", deliverByPost = "true" };

    [Fact]
    public async Task A_citizen_drafts_attaches_submits_and_follows_the_dossier_to_its_receipt()
    {
        var client = await CitizenAsync();
        var created = await client.PostAsJsonAsync("/api/v1/dossiers", new { procedureCode = "1.002804", formData = new { licenceNumber = "200123456789" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var incomplete = await client.PostAsync($"/api/v1/dossiers/{id}/submit", null);
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        var errors = (await incomplete.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("Hạng giấy phép: bắt buộc nhập.", errors.GetProperty("licenceClass")[0].GetString());
        Assert.Contains("Giấy khám sức khỏe của người lái xe: chưa đính kèm.", errors.GetProperty("attachments.GKSK")[0].GetString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/v1/dossiers/{id}", new { formData = ValidForm })).StatusCode);
        foreach (var code in new[] { "DON", "GKSK", "GPLX" })
        {
            Assert.Equal(HttpStatusCode.Created, (await UploadAsync(client, id, code, Pdf, code + ".pdf")).StatusCode);
        }

        var submitted = await client.PostAsync($"/api/v1/dossiers/{id}/submit", null);
        var again = await client.PostAsync($"/api/v1/dossiers/{id}/submit", null);
        var result = await submitted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var dossierCode = result.GetProperty("code").GetString()!;
        Assert.Matches(@"^SGTVT-\d{6}-\d{4}$", dossierCode);
        Assert.Equal(dossierCode, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

        var scenario = new DossierScenario(app.Services);
        await using (var db = app.Database.CreateContext())
        {
            await scenario.ActAsync(await db.Dossiers.SingleAsync(d => d.Id == id), "accept", DemoAccounts.ReceptionSgtvt, "Reception", "MOTCUA");
        }

        await scenario.DeliverEffectsAsync();
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{id}");
        Assert.Equal("InProgress", detail.GetProperty("status").GetString());
        Assert.Contains("Phòng Quản lý phương tiện và người lái", detail.GetProperty("currentStage").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.String, detail.GetProperty("dueAt").ValueKind);
        var timeline = detail.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("event").GetString()).ToList();
        Assert.Equal(["Nộp hồ sơ", "Tiếp nhận"], timeline);
        var receipt = detail.GetProperty("documents").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "receipt");
        var pdf = await client.GetAsync(receipt.GetProperty("url").GetString());
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);

        var mine = await client.GetFromJsonAsync<JsonElement>("/api/v1/dossiers");
        Assert.Contains(mine.EnumerateArray(), d => d.GetProperty("code").GetString() == dossierCode);

        var key = detail.GetProperty("lookupKey").GetString();
        var lookup = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/lookup/{dossierCode}?key={key}");
        Assert.Equal("Đang xử lý", lookup.GetProperty("statusText").GetString());
        Assert.False(lookup.TryGetProperty("applicant", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/api/v1/lookup/{dossierCode}?id4=1234")).StatusCode);
    }

    [Fact]
    public async Task The_same_idempotency_key_creates_one_draft_even_when_sent_twice_at_once()
    {
        var client = await CitizenAsync();
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/dossiers") { Content = JsonContent.Create(new { procedureCode = "1.002804" }) };
            request.Headers.Add("Idempotency-Key", key);
            return client.SendAsync(request);
        }));

        var ids = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid()));
        Assert.Single(ids.Distinct());
    }

    [Fact]
    public async Task An_upload_sent_again_with_its_idempotency_key_is_stored_once_and_a_reused_key_is_refused()
    {
        var client = await CitizenAsync();
        var id = await DraftAsync(client);
        var key = Guid.NewGuid().ToString("N");

        // A retry after a lost answer, and the same upload twice at the same moment (two hosts behind a proxy).
        var racing = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => UploadAsync(client, id, "DON", Pdf, "don.pdf", key)));
        var again = await UploadAsync(client, id, "DON", Pdf, "don.pdf", key);
        var otherFile = await UploadAsync(client, id, "DON", Png, "don.png", key);
        var otherDocument = await UploadAsync(client, id, "GKSK", Pdf, "gksk.pdf", key);
        var tooLong = await UploadAsync(client, id, "GKSK", Pdf, "gksk.pdf", new string('k', 101));
        var withoutKey = await UploadAsync(client, id, "DON", Pdf, "don.pdf");

        Assert.All(racing.Append(again), r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var ids = await Task.WhenAll(racing.Append(again).Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid()));
        var attachment = Assert.Single(ids.Distinct());

        Assert.Equal(HttpStatusCode.Conflict, otherFile.StatusCode);
        Assert.Equal("idempotency.key_reused", (await otherFile.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Contains("đã được dùng cho một tệp khác", await otherDocument.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, otherDocument.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.Created, withoutKey.StatusCode);
        await using var db = app.Database.CreateContext();
        var rows = await db.DossierAttachments.Where(a => a.DossierId == id).ToListAsync();
        Assert.Equal(2, rows.Count);
        Assert.Equal(key, Assert.Single(rows, r => r.Id == attachment).IdempotencyKey);

        // Once submitted, a late retry of the same upload still answers with what it stored; a new upload is refused.
        foreach (var code in new[] { "GKSK", "GPLX" })
        {
            await UploadAsync(client, id, code, Pdf, code + ".pdf");
        }

        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/v1/dossiers/{id}", new { formData = ValidForm })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/dossiers/{id}/submit", null)).StatusCode);
        var late = await UploadAsync(client, id, "DON", Pdf, "don.pdf", key);
        Assert.Equal(HttpStatusCode.Created, late.StatusCode);
        Assert.Equal(attachment, (await late.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.Conflict, (await UploadAsync(client, id, "DON", Pdf, "don.pdf", Guid.NewGuid().ToString())).StatusCode);
    }

    [Fact]
    public async Task A_double_submit_at_the_same_moment_gives_one_code_and_no_gap()
    {
        var client = await CitizenAsync();
        var id = await ReadyDraftAsync(client);

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => client.PostAsync($"/api/v1/dossiers/{id}/submit", null)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var codes = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()));
        Assert.Single(codes.Distinct());
        await using var db = app.Database.CreateContext();
        Assert.Single(await db.WorkflowInstances.Where(i => i.DossierCode == codes[0]).ToListAsync());
        var next = await ReadyDraftAsync(client);
        var nextCode = (await (await client.PostAsync($"/api/v1/dossiers/{next}/submit", null)).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("code").GetString()!;
        Assert.Equal(int.Parse(codes[0]![^4..], System.Globalization.CultureInfo.InvariantCulture) + 1,
            int.Parse(nextCode[^4..], System.Globalization.CultureInfo.InvariantCulture));
    }

    public static TheoryData<string, byte[], string, string> HostileUploads => new()
    {
        { "an executable named .pdf", [0x4D, 0x5A, 0x90, 0x00, 0x03], "don.pdf", "Chỉ nhận tệp PDF, JPEG hoặc PNG" },
        { "an empty file", [], "rong.pdf", "Tệp đính kèm rỗng" },
        { "HTML named .png", Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"), "anh.png", "Chỉ nhận tệp PDF, JPEG hoặc PNG" },
        { "a file over the size limit", Oversized(), "lon.pdf", "vượt quá dung lượng" },
    };

    [Theory]
    [MemberData(nameof(HostileUploads), DisableDiscoveryEnumeration = true)] // the oversized file would be serialised at discovery
    public async Task Hostile_uploads_are_refused_with_a_clear_reason(string what, byte[] content, string name, string message)
    {
        var client = await CitizenAsync();
        var id = await DraftAsync(client);

        var response = await UploadAsync(client, id, "DON", content, name);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, what);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = app.Database.CreateContext();
        Assert.Empty(await db.DossierAttachments.Where(a => a.DossierId == id).ToListAsync());
    }

    [Fact]
    public async Task Names_are_sanitised_types_come_from_the_content_and_identical_files_are_stored_once()
    {
        var client = await CitizenAsync();
        var id = await DraftAsync(client);

        var traversal = await (await UploadAsync(client, id, "DON", Pdf, "../../../etc/passwd.pdf")).Content.ReadFromJsonAsync<JsonElement>();
        var renamed = await (await UploadAsync(client, id, "GPLX", Png, "giay-phep.pdf")).Content.ReadFromJsonAsync<JsonElement>();
        var same = await (await UploadAsync(client, id, "GKSK", Pdf, "kham<suc>|khoe?.pdf")).Content.ReadFromJsonAsync<JsonElement>();
        var unknown = await UploadAsync(client, id, "KHONGCO", Pdf, "x.pdf");

        Assert.Equal("passwd.pdf", traversal.GetProperty("fileName").GetString());
        Assert.Equal("image/png", renamed.GetProperty("contentType").GetString());
        Assert.Equal("giay-phep.png", renamed.GetProperty("fileName").GetString());
        Assert.Equal("kham_suc_khoe.pdf", same.GetProperty("fileName").GetString());
        Assert.Equal(traversal.GetProperty("sha256").GetString(), same.GetProperty("sha256").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task A_dossier_holding_as_many_files_as_allowed_refuses_the_next_with_the_limit_named()
    {
        var client = await CitizenAsync();
        var id = await DraftAsync(client);
        var limit = app.Services.GetRequiredService<IOptions<OneStop.Infrastructure.Files.FileStoreOptions>>().Value.MaxFilesPerDossier;
        for (var i = 0; i < limit; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await UploadAsync(client, id, "DON", Pdf, $"don-{i}.pdf")).StatusCode);
        }

        var refused = await UploadAsync(client, id, "DON", Pdf, "mot-tep-nua.pdf");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains($"Mỗi hồ sơ đính kèm tối đa {limit} tệp.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = app.Database.CreateContext();
        Assert.Equal(limit, await db.DossierAttachments.CountAsync(a => a.DossierId == id));
    }

    [Fact]
    public async Task Another_citizens_dossier_does_not_exist_for_them()
    {
        var owner = await CitizenAsync();
        var id = await DraftAsync(owner);
        var other = await CitizenAsync("hoang.thi.mai@demo.onestop.vn");
        var official = await SignInAsync(DemoAccounts.ReceptionSgtvt);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/dossiers/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutAsJsonAsync($"/api/v1/dossiers/{id}", new { formData = ValidForm })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/v1/dossiers/{id}/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await UploadAsync(other, id, "DON", Pdf, "x.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await official.GetAsync($"/api/v1/dossiers/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/v1/dossiers")).StatusCode);
    }

    [Fact]
    public async Task After_a_supplement_request_the_citizen_resubmits_and_the_dossier_goes_back_to_the_counter()
    {
        var client = await CitizenAsync();
        var id = await ReadyDraftAsync(client);
        await client.PostAsync($"/api/v1/dossiers/{id}/submit", null);
        var scenario = new DossierScenario(app.Services);
        await using (var db = app.Database.CreateContext())
        {
            await scenario.ActAsync(await db.Dossiers.SingleAsync(d => d.Id == id), "requestSupplement", DemoAccounts.ReceptionSgtvt, "Reception",
                "MOTCUA", "Giấy khám sức khỏe đã hết hạn");
        }

        var waiting = await client.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{id}");
        Assert.Equal("WaitingForSupplement", waiting.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(client, id, "GKSK", Png, "gksk-moi.png")).StatusCode);
        var resubmitted = await client.PostAsJsonAsync($"/api/v1/dossiers/{id}/resubmit", new { comment = "Đã bổ sung giấy khám sức khỏe mới" });
        var twice = await client.PostAsJsonAsync($"/api/v1/dossiers/{id}/resubmit", new { comment = "lần nữa" });

        Assert.Equal(HttpStatusCode.OK, resubmitted.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        var after = await client.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{id}");
        Assert.Equal("Submitted", after.GetProperty("status").GetString());
        Assert.Contains(after.GetProperty("timeline").EnumerateArray(), t => t.GetProperty("event").GetString() == "Nộp bổ sung");
    }

    [Fact]
    public async Task A_citizen_withdraws_a_submitted_dossier_with_a_reason_and_it_closes_everywhere()
    {
        var client = await CitizenAsync();
        var id = await ReadyDraftAsync(client);
        await client.PostAsync($"/api/v1/dossiers/{id}/submit", null);

        var noReason = await client.PostAsJsonAsync($"/api/v1/dossiers/{id}/withdraw", new { reason = "" });
        var withdrawn = await client.PostAsJsonAsync($"/api/v1/dossiers/{id}/withdraw", new { reason = "Đã được cấp ở tỉnh khác" });
        var again = await client.PostAsJsonAsync($"/api/v1/dossiers/{id}/withdraw", new { reason = "lần nữa" });
        var other = await (await CitizenAsync("hoang.thi.mai@demo.onestop.vn")).PostAsJsonAsync($"/api/v1/dossiers/{id}/withdraw", new { reason = "x" });

        Assert.Equal(HttpStatusCode.Conflict, noReason.StatusCode);
        Assert.Contains("lý do", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal("Withdrawn", (await withdrawn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        await using var db = app.Database.CreateContext();
        var code = (await db.Dossiers.SingleAsync(d => d.Id == id)).Code;
        Assert.Empty(await db.WorkflowTasks.Where(t => t.DossierCode == code).ToListAsync());
    }

    private static byte[] Oversized()
    {
        var bytes = new byte[(10 * 1024 * 1024) + 10];
        Pdf.CopyTo(bytes, 0);
        return bytes;
    }

    private static async Task<Guid> DraftAsync(HttpClient client)
    {
        var created = await client.PostAsJsonAsync("/api/v1/dossiers", new { procedureCode = "1.002804", formData = ValidForm });
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> ReadyDraftAsync(HttpClient client)
    {
        var id = await DraftAsync(client);
        foreach (var code in new[] { "DON", "GKSK", "GPLX" })
        {
            await UploadAsync(client, id, code, Pdf, code + ".pdf");
        }

        return id;
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid id, string documentCode, byte[] content, string name,
        string? idempotencyKey = null)
    {
        var form = new MultipartFormDataContent { { new StringContent(documentCode), "documentCode" } };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", name);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/dossiers/{id}/attachments") { Content = form };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request);
    }

    private Task<HttpClient> CitizenAsync(string email = DemoAccounts.Citizen) => SignInAsync(email);

    private Task<HttpClient> SignInAsync(string email) => app.CreateBearerClientAsync(email);
}

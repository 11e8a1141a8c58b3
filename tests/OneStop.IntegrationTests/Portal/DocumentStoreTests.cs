using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Core.Documents;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Files;
using OneStop.Testing;
using OneStop.Workflows.Definitions;

namespace OneStop.IntegrationTests.Portal;

/// <summary>
/// The citizen's document store: a result issued to a citizen enters it once, a paper the counter compared with its original enters the
/// matching account's store; a second application picks a stored document instead of an upload and the official reads where it came
/// from; the citizen downloads and deletes what is theirs, no one else reaches it, and the file store keeps the files it names.
/// </summary>
public sealed class DocumentStoreTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    private const string OtherCitizen = "hoang.thi.mai@demo.onestop.vn";

    [Fact]
    public async Task A_result_enters_the_applicants_store_once_with_the_issued_bytes()
    {
        var (dossier, stored) = await ResultInStoreAsync();

        await using var db = app.Database.CreateContext();
        var result = await db.IssuedDocuments.SingleAsync(d => d.DossierId == dossier.Id && d.Kind == "result");
        Assert.Equal(1, await db.StoredDocuments.CountAsync(s => s.IssuedDocumentId == result.Id));
        Assert.Equal(StoredDocumentSource.Result, stored.Source);
        Assert.Equal(dossier.ApplicantUserId, stored.OwnerId);
        Assert.Equal(result.Sha256, stored.Sha256, ignoreCase: true);

        // Delivering the effects again (a second host, a restart) issues nothing new and stores nothing twice.
        await new DossierScenario(app.Services).DeliverEffectsAsync();
        Assert.Equal(1, await db.StoredDocuments.CountAsync(s => s.DossierId == dossier.Id));

        var citizen = await app.CreateBearerClientAsync(DemoAccounts.Citizen);
        var list = await citizen.GetFromJsonAsync<JsonElement>("/api/v1/store");
        var item = list.EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == stored.Id);
        Assert.Equal("Result", item.GetProperty("source").GetString());
        Assert.Equal(dossier.Code, item.GetProperty("dossierCode").GetString());
        Assert.Equal(result.Content, await citizen.GetByteArrayAsync($"/api/v1/store/{stored.Id}/content"));
    }

    [Fact]
    public async Task A_second_application_reuses_a_stored_result_and_the_official_sees_where_it_came_from()
    {
        var (first, stored) = await ResultInStoreAsync();
        var citizen = await app.CreateBearerClientAsync(DemoAccounts.Citizen);
        var draft = await DraftWithUploadsAsync(citizen, "DON", "GKSK");

        var picked = await citizen.PostAsJsonAsync($"/api/v1/dossiers/{draft}/attachments/from-store", new { documentCode = "GPLX", storedDocumentId = stored.Id });
        var again = await citizen.PostAsJsonAsync($"/api/v1/dossiers/{draft}/attachments/from-store", new { documentCode = "GPLX", storedDocumentId = stored.Id });
        var missing = await citizen.PostAsJsonAsync($"/api/v1/dossiers/{draft}/attachments/from-store", new { documentCode = "GPLX" });

        Assert.Equal(HttpStatusCode.Created, picked.StatusCode);
        var attachment = await picked.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(attachment.GetProperty("id").GetGuid(), (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        Assert.Equal(stored.Sha256, attachment.GetProperty("sha256").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        (await citizen.PostAsync($"/api/v1/dossiers/{draft}/submit", null)).EnsureSuccessStatusCode();

        var reception = await app.CreateBearerClientAsync(DemoAccounts.ReceptionSgtvt);
        var view = await reception.GetFromJsonAsync<JsonElement>($"/api/v1/workspace/dossiers/{draft}");
        var reused = view.GetProperty("attachments").EnumerateArray().Single(a => a.GetProperty("documentCode").GetString() == "GPLX");
        var provenance = reused.GetProperty("provenance").GetString()!;
        Assert.StartsWith("Từ kho dữ liệu của công dân — kết quả hồ sơ " + first.Code + " do Sở Giao thông vận tải", provenance, StringComparison.Ordinal);
        Assert.EndsWith("đã xác thực", provenance, StringComparison.Ordinal);
        Assert.True(view.GetProperty("attachments").EnumerateArray().Where(a => a.GetProperty("documentCode").GetString() != "GPLX")
            .All(a => a.GetProperty("provenance").ValueKind == JsonValueKind.Null));
        var bytes = await reception.GetByteArrayAsync(reused.GetProperty("url").GetString());
        await using (var db = app.Database.CreateContext())
        {
            Assert.Equal((await db.IssuedDocuments.SingleAsync(d => d.DossierId == first.Id && d.Kind == "result")).Content, bytes);
        }

        var page = app.CreateClient();
        await page.SignInAsync(DemoAccounts.ReceptionSgtvt);
        var html = System.Net.WebUtility.HtmlDecode(await page.GetStringAsync($"/Workspace/Dossier/{draft}"));
        Assert.Contains(provenance, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_removes_a_document_from_the_store_only_and_the_dossier_that_attached_it_keeps_it()
    {
        var (_, stored) = await ResultInStoreAsync();
        var citizen = await app.CreateBearerClientAsync(DemoAccounts.Citizen);
        var draft = await DraftWithUploadsAsync(citizen, "DON");
        var picked = await citizen.PostAsJsonAsync($"/api/v1/dossiers/{draft}/attachments/from-store", new { documentCode = "GPLX", storedDocumentId = stored.Id });
        var attachmentId = (await picked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var deleted = await citizen.DeleteAsync($"/api/v1/store/{stored.Id}");
        var twice = await citizen.DeleteAsync($"/api/v1/store/{stored.Id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, twice.StatusCode);
        Assert.Equal("application/problem+json", twice.Content.Headers.ContentType?.MediaType);
        var list = await citizen.GetFromJsonAsync<JsonElement>("/api/v1/store");
        Assert.DoesNotContain(list.EnumerateArray(), i => i.GetProperty("id").GetGuid() == stored.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync($"/api/v1/store/{stored.Id}/content")).StatusCode);
        var kept = await citizen.GetAsync($"/api/v1/dossiers/{draft}/attachments/{attachmentId}");
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.Equal(stored.Size, (await kept.Content.ReadAsByteArrayAsync()).LongLength);
        var detail = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{draft}");
        Assert.Contains(detail.GetProperty("attachments").EnumerateArray(), a => a.GetProperty("id").GetGuid() == attachmentId
            && a.GetProperty("provenance").GetString()!.StartsWith("Từ kho dữ liệu của công dân", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_citizen_finds_nothing_and_officials_have_no_store()
    {
        var (_, stored) = await ResultInStoreAsync();
        var other = await app.CreateBearerClientAsync(OtherCitizen);
        var ownDraft = await DraftWithUploadsAsync(other);

        Assert.DoesNotContain((await other.GetFromJsonAsync<JsonElement>("/api/v1/store")).EnumerateArray(), i => i.GetProperty("id").GetGuid() == stored.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/store/{stored.Id}/content")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"/api/v1/store/{stored.Id}")).StatusCode);
        var stolen = await other.PostAsJsonAsync($"/api/v1/dossiers/{ownDraft}/attachments/from-store", new { documentCode = "GPLX", storedDocumentId = stored.Id });
        Assert.Equal(HttpStatusCode.NotFound, stolen.StatusCode);

        foreach (var official in new[] { DemoAccounts.ReceptionSgtvt, DemoAccounts.SpecialistSgtvt, DemoAccounts.LeaderSgtvt, DemoAccounts.Admin })
        {
            var client = await app.CreateBearerClientAsync(official);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/store")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/store/{stored.Id}/content")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.DeleteAsync($"/api/v1/store/{stored.Id}")).StatusCode);
        }

        await using var db = app.Database.CreateContext();
        Assert.True(await db.StoredDocuments.AnyAsync(s => s.Id == stored.Id));
    }

    [Fact]
    public async Task Papers_the_counter_compared_with_their_originals_enter_the_store_of_the_account_matching_both_email_and_id_number()
    {
        var reception = await app.CreateBearerClientAsync(DemoAccounts.ReceptionSgtvt);

        var matching = await WalkInAsync(reception, OtherCitizen, "020185004321", certified: true);
        var wrongNumber = await WalkInAsync(reception, OtherCitizen, "020185009999", certified: true);
        var notCompared = await WalkInAsync(reception, OtherCitizen, "020185004321", certified: false);

        await using var db = app.Database.CreateContext();
        var owner = await db.Users.Where(u => u.Email == OtherCitizen).Select(u => u.Id).SingleAsync();
        // Only this test's walk-ins: another test of the class files copies in the same account.
        var copies = await db.StoredDocuments.Where(s => s.OwnerId == owner && s.Source == StoredDocumentSource.CertifiedCopy
            && (s.DossierId == matching || s.DossierId == wrongNumber || s.DossierId == notCompared)).ToListAsync();
        var copy = Assert.Single(copies);
        Assert.Equal(matching, copy.DossierId);
        var attachment = await db.DossierAttachments.SingleAsync(a => a.DossierId == matching);
        Assert.Equal(attachment.Id, copy.AttachmentId);
        Assert.Equal(attachment.Sha256, copy.Sha256);
        Assert.NotNull(attachment.CertifiedAt);
        Assert.NotNull((await db.DossierAttachments.SingleAsync(a => a.DossierId == wrongNumber)).CertifiedAt);
        Assert.Null((await db.DossierAttachments.SingleAsync(a => a.DossierId == notCompared)).CertifiedAt);
        Assert.False(await db.StoredDocuments.AnyAsync(s => s.DossierId == wrongNumber || s.DossierId == notCompared));

        var view = await reception.GetFromJsonAsync<JsonElement>($"/api/v1/workspace/dossiers/{matching}");
        Assert.True(view.GetProperty("attachments").EnumerateArray().Single().GetProperty("certified").GetBoolean());
        var citizen = await app.CreateBearerClientAsync(OtherCitizen);
        var item = (await citizen.GetFromJsonAsync<JsonElement>("/api/v1/store")).EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == copy.Id);
        Assert.Equal("CertifiedCopy", item.GetProperty("source").GetString());
        Assert.Equal("Đơn đề nghị đổi giấy phép lái xe", item.GetProperty("title").GetString());
        Assert.Equal(CitizenDossierBuilder.Pdf, await citizen.GetByteArrayAsync($"/api/v1/store/{copy.Id}/content"));
    }

    [Fact]
    public async Task The_walk_in_page_marks_the_scans_compared_with_their_originals_and_files_them_in_the_applicants_store()
    {
        var counter = app.CreateClient(new() { AllowAutoRedirect = false });
        await counter.SignInAsync(DemoAccounts.ReceptionSgtvt);
        var form = (await counter.FormAsync("/Workspace/Walkin?code=1.002804", "form[enctype='multipart/form-data']")).Set(new Dictionary<string, string>
        {
            ["ApplicantName"] = "Hoàng Thị Mai", ["ApplicantIdNumber"] = "020185004321", ["ApplicantEmail"] = OtherCitizen, ["CertifiedCopies"] = "true",
            ["f.licenceNumber"] = "200123456702", ["f.licenceClass"] = "B", ["f.deliverByPost"] = "false",
        });

        var created = await counter.PostAsync(form.Action, form.Content("doc.GKSK", "gksk.pdf", CitizenDossierBuilder.Pdf));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
        await using var db = app.Database.CreateContext();
        var attachment = await db.DossierAttachments.SingleAsync(a => a.DossierId == id);
        Assert.NotNull(attachment.CertifiedAt);
        var copy = await db.StoredDocuments.SingleAsync(s => s.AttachmentId == attachment.Id);
        Assert.Equal("Giấy khám sức khỏe của người lái xe", copy.Title);
        var page = WebUtility.HtmlDecode(await counter.GetStringAsync($"/Workspace/Dossier/{id}"));
        Assert.Contains("Bản sao đã đối chiếu bản chính", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_orphan_sweep_keeps_a_file_only_the_store_names_and_takes_it_once_the_citizen_deleted_it()
    {
        var (_, stored) = await ResultInStoreAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var files = scope.ServiceProvider.GetRequiredService<IFileStore>();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        Assert.False(await db.DossierAttachments.AnyAsync(a => a.Sha256 == stored.Sha256));
        Age(stored.Sha256, TimeSpan.FromDays(2));

        await scope.ServiceProvider.GetRequiredService<StoreOrphanSweeper>().SweepAsync();
        await using (var kept = await files.OpenAsync(stored.Sha256))
        {
            Assert.NotNull(kept);
        }

        var citizen = await app.CreateBearerClientAsync(DemoAccounts.Citizen);
        Assert.Equal(HttpStatusCode.NoContent, (await citizen.DeleteAsync($"/api/v1/store/{stored.Id}")).StatusCode);
        await scope.ServiceProvider.GetRequiredService<StoreOrphanSweeper>().SweepAsync();
        Assert.Null(await files.OpenAsync(stored.Sha256));
    }

    [Fact]
    public async Task A_corrected_result_replaces_the_one_it_corrects_in_the_store()
    {
        var (dossier, stored) = await ResultInStoreAsync();
        var leader = await app.CreateBearerClientAsync(DemoAccounts.LeaderSgtvt);

        var corrected = await leader.PostAsJsonAsync($"/api/v1/dossiers/{dossier.Id}/documents",
            new { kind = "result", replaces = stored.IssuedDocumentId, comment = "Sai hạng giấy phép" });

        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        var correctionId = (await corrected.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await using var db = app.Database.CreateContext();
        var inStore = await db.StoredDocuments.Where(s => s.DossierId == dossier.Id).ToListAsync();
        Assert.Equal(correctionId, Assert.Single(inStore).IssuedDocumentId);
    }

    [Fact]
    public async Task The_store_page_lists_and_deletes_the_citizens_own_documents_and_no_one_elses()
    {
        var (dossier, stored) = await ResultInStoreAsync();
        var citizen = app.CreateClient();
        await citizen.SignInAsync(DemoAccounts.Citizen);
        var other = app.CreateClient();
        await other.SignInAsync(OtherCitizen);

        var html = System.Net.WebUtility.HtmlDecode(await citizen.GetStringAsync("/kho-du-lieu"));
        Assert.Contains(dossier.Code!, html, StringComparison.Ordinal);
        Assert.Contains($"/api/v1/store/{stored.Id}/content", html, StringComparison.Ordinal);
        Assert.DoesNotContain(dossier.Code!, System.Net.WebUtility.HtmlDecode(await other.GetStringAsync("/kho-du-lieu")), StringComparison.Ordinal);

        var theirs = await other.PostFormAsync("/kho-du-lieu?handler=Delete", new Dictionary<string, string> { ["id"] = stored.Id.ToString() },
            await other.GetStringAsync("/kho-du-lieu"));
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        var form = (await citizen.FormAsync("/kho-du-lieu", "form[action*='handler=Delete']")).Set("id", stored.Id.ToString());
        var deleted = await form.PostAsync(citizen);

        Assert.True(deleted.IsSuccessStatusCode, deleted.StatusCode.ToString());
        var after = System.Net.WebUtility.HtmlDecode(await deleted.Content.ReadAsStringAsync());
        Assert.Contains("Đã xóa giấy tờ khỏi kho dữ liệu", after, StringComparison.Ordinal);
        Assert.DoesNotContain($"/api/v1/store/{stored.Id}/content", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_synchronous_save_that_issues_a_result_is_refused_clearly_and_nothing_is_stored()
    {
        var dossier = await new DossierScenario(app.Services).SubmitDrivingLicenceAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var pdf = CitizenDossierBuilder.Pdf;
        db.IssuedDocuments.Add(new IssuedDocument(Guid.NewGuid(), dossier.Id, dossier.AgencyId, DocumentKinds.Result, "Giấy phép lái xe", "01/GPLX",
            Guid.NewGuid().ToString("N")[..12].ToUpperInvariant(), pdf, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)),
            "ket-qua.pdf", 1, DateTimeOffset.UtcNow, null, null));

        var refused = Assert.Throws<InvalidOperationException>(() => db.SaveChanges());

        Assert.Contains("SaveChangesAsync", refused.Message, StringComparison.Ordinal);
        await using var check = app.Database.CreateContext();
        Assert.False(await check.IssuedDocuments.AnyAsync(d => d.DossierId == dossier.Id));
        Assert.False(await check.StoredDocuments.AnyAsync(s => s.DossierId == dossier.Id));
    }

    private Task<(Dossier Dossier, StoredDocument Stored)> ResultInStoreAsync() => StoreScenarios.ResultInStoreAsync(app);

    private static Task<Guid> DraftWithUploadsAsync(HttpClient client, params string[] codes) => StoreScenarios.DraftWithUploadsAsync(client, codes);

    private static async Task<Guid> WalkInAsync(HttpClient reception, string email, string idNumber, bool certified)
    {
        var request = JsonSerializer.Serialize(new
        {
            procedureCode = "1.002804",
            applicant = new { fullName = "Hoàng Thị Mai", idNumber, phone = "0987654321", email, address = "Thôn Pò Khoang, xã Cao Lộc, tỉnh Lạng Sơn" },
            formData = new { licenceNumber = "200123456701", licenceClass = "B", deliverByPost = false },
            certifiedCopies = certified,
        });
        var form = new MultipartFormDataContent { { new StringContent(request), "request" } };
        var file = new ByteArrayContent(CitizenDossierBuilder.Pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "doc.DON", "don.pdf");
        var created = await reception.PostAsync("/api/v1/workspace/walk-ins", form);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Empty(body.GetProperty("fileWarnings").EnumerateArray());
        return body.GetProperty("id").GetGuid();
    }

    private void Age(string sha256, TimeSpan age)
    {
        var path = Directory.GetFiles(Path.Combine(app.MailDirectory, "files"), sha256, SearchOption.AllDirectories).Single();
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow - age);
    }
}

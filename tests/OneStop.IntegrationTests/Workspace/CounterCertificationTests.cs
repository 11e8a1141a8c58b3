using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OneStop.Core.Documents;
using OneStop.IntegrationTests.Portal;
using OneStop.Testing;
using OneStop.Workflows.Runtime.State;

namespace OneStop.IntegrationTests.Workspace;

/// <summary>
/// The counter certifies an online dossier's attachment after comparing it with the original paper: a certified copy, journaled with who
/// and when, in the applicant's store once; only the receiving agency's counter; a second time is a clear refusal, never a duplicate.
/// </summary>
public sealed class CounterCertificationTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    [Fact]
    public async Task The_counter_certifies_an_uploaded_attachment_once_with_if_match_and_it_enters_the_applicants_store()
    {
        var (id, attachment) = await OnlineDossierAsync();
        var reception = await app.CreateBearerClientAsync(DemoAccounts.ReceptionSgtvt);
        var url = $"/api/v1/workspace/dossiers/{id}/attachments/{attachment}/certify";

        var noIfMatch = await reception.PostAsync(url, null);
        var stale = await CertifyAsync(reception, url, new EntityTagHeaderValue("\"99999\""));
        var view = await reception.GetAsync($"/api/v1/workspace/dossiers/{id}");
        var certified = await CertifyAsync(reception, url, view.Headers.ETag!);
        var fresh = await reception.GetAsync($"/api/v1/workspace/dossiers/{id}");
        var again = await CertifyAsync(reception, url, fresh.Headers.ETag!);

        Assert.Equal(HttpStatusCode.PreconditionRequired, noIfMatch.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.True(certified.StatusCode == HttpStatusCode.OK, await certified.Content.ReadAsStringAsync());
        var done = await certified.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("lưu vào kho dữ liệu của người nộp", done.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var problem = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith("attachment.already_certified", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.Contains("đã được đối chiếu bản chính", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var receptionId = await new DossierScenario(app.Services).UserIdAsync(DemoAccounts.ReceptionSgtvt);
        await using var db = app.Database.CreateContext();
        var row = await db.DossierAttachments.SingleAsync(a => a.Id == attachment);
        Assert.NotNull(row.CertifiedAt);
        Assert.Equal(receptionId, row.CertifiedBy);
        var copy = Assert.Single(await db.StoredDocuments.Where(s => s.AttachmentId == attachment).ToListAsync());
        Assert.Equal(StoredDocumentSource.CertifiedCopy, copy.Source);
        Assert.Equal(row.Sha256, copy.Sha256);
        var code = await db.Dossiers.Where(d => d.Id == id).Select(d => d.Code).SingleAsync();
        var journal = Assert.Single(await db.WorkflowJournal.Where(j => j.DossierCode == code && j.Kind == JournalKind.AttachmentCertified).ToListAsync());
        Assert.Equal(receptionId.ToString(), journal.ActorId);
        Assert.Contains("đối chiếu với bản chính", journal.Comment, StringComparison.Ordinal);

        var after = await reception.DossierAsync(id);
        Assert.True(after.GetProperty("attachments").EnumerateArray().Single(a => a.GetProperty("id").GetGuid() == attachment)
            .GetProperty("certified").GetBoolean());
        Assert.Contains(after.GetProperty("timeline").EnumerateArray(),
            t => t.GetProperty("event").GetString() == "Đối chiếu bản chính, chứng thực bản sao điện tử");
        var citizen = await app.CreateBearerClientAsync(DemoAccounts.Citizen);
        Assert.Contains((await citizen.GetFromJsonAsync<JsonElement>("/api/v1/store")).EnumerateArray(), i => i.GetProperty("id").GetGuid() == copy.Id);
    }

    [Fact]
    public async Task Only_the_receiving_agencys_counter_certifies_and_only_the_dossiers_own_uploads()
    {
        var (id, attachment) = await OnlineDossierAsync();
        var (other, _) = await OnlineDossierAsync();
        var url = $"/api/v1/workspace/dossiers/{id}/attachments/{attachment}/certify";

        var specialist = await app.CreateBearerClientAsync(DemoAccounts.SpecialistSgtvt);
        var otherAgency = await app.CreateBearerClientAsync("tiepnhan.stp@demo.onestop.vn");
        var citizen = await app.CreateBearerClientAsync(DemoAccounts.Citizen);
        var reception = await app.CreateBearerClientAsync(DemoAccounts.ReceptionSgtvt);
        var etag = (await reception.GetAsync($"/api/v1/workspace/dossiers/{id}")).Headers.ETag!;
        var otherEtag = (await reception.GetAsync($"/api/v1/workspace/dossiers/{other}")).Headers.ETag!;

        Assert.Equal(HttpStatusCode.Forbidden, (await CertifyAsync(specialist, url, etag)).StatusCode);
        Assert.True((await CertifyAsync(otherAgency, url, etag)).StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Forbidden, (await CertifyAsync(citizen, url, etag)).StatusCode);
        // Another dossier's attachment through this dossier's address is not found.
        var wrong = await CertifyAsync(reception, $"/api/v1/workspace/dossiers/{other}/attachments/{attachment}/certify", otherEtag);
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType?.MediaType);

        await using var db = app.Database.CreateContext();
        Assert.Null((await db.DossierAttachments.SingleAsync(a => a.Id == attachment)).CertifiedAt);
        Assert.False(await db.StoredDocuments.AnyAsync(s => s.AttachmentId == attachment));
    }

    [Fact]
    public async Task A_document_picked_from_the_store_needs_no_certification()
    {
        var (_, stored) = await StoreScenarios.ResultInStoreAsync(app);
        var citizen = await app.CreateBearerClientAsync(DemoAccounts.Citizen);
        var id = await StoreScenarios.DraftWithUploadsAsync(citizen, "DON", "GKSK");
        var picked = await citizen.PostAsJsonAsync($"/api/v1/dossiers/{id}/attachments/from-store", new { documentCode = "GPLX", storedDocumentId = stored.Id });
        var attachment = (await picked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await citizen.PostAsync($"/api/v1/dossiers/{id}/submit", null)).EnsureSuccessStatusCode();
        var reception = await app.CreateBearerClientAsync(DemoAccounts.ReceptionSgtvt);
        var etag = (await reception.GetAsync($"/api/v1/workspace/dossiers/{id}")).Headers.ETag!;

        var refused = await CertifyAsync(reception, $"/api/v1/workspace/dossiers/{id}/attachments/{attachment}/certify", etag);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.EndsWith("attachment.from_store", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dossier_page_certifies_with_a_button_and_a_second_click_says_it_is_done_already()
    {
        var (id, _) = await OnlineDossierAsync();
        var counter = app.CreateClient(new() { AllowAutoRedirect = false });
        await counter.SignInAsync(DemoAccounts.ReceptionSgtvt);
        var form = await counter.FormAsync($"/Workspace/Dossier/{id}", "[data-testid=certify-form]");
        var attachment = Guid.Parse(form["AttachmentId"]!);

        var first = await form.PostAsync(counter);
        var second = await form.PostAsync(counter);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var page = WebUtility.HtmlDecode(await counter.GetStringAsync($"/Workspace/Dossier/{id}"));
        Assert.Contains("đã được đối chiếu bản chính, chứng thực bản sao điện tử lúc", page, StringComparison.Ordinal);
        Assert.Contains("Bản sao đã đối chiếu bản chính", page, StringComparison.Ordinal);
        Assert.Contains("Đối chiếu bản chính, chứng thực bản sao điện tử", page, StringComparison.Ordinal);
        await using var db = app.Database.CreateContext();
        Assert.Equal(1, await db.StoredDocuments.CountAsync(s => s.AttachmentId == attachment));

        var specialist = app.CreateClient();
        await specialist.SignInAsync(DemoAccounts.SpecialistSgtvt);
        Assert.DoesNotContain("data-testid=\"certify\"", await specialist.GetStringAsync($"/Workspace/Dossier/{id}"), StringComparison.Ordinal);
    }

    /// <summary>The demo citizen's driving-licence dossier submitted online with its three papers; the id of the uploaded DON.</summary>
    private async Task<(Guid Dossier, Guid Attachment)> OnlineDossierAsync()
    {
        var citizen = await app.CreateBearerClientAsync(DemoAccounts.Citizen);
        var id = await StoreScenarios.DraftWithUploadsAsync(citizen, "DON", "GKSK", "GPLX");
        (await citizen.PostAsync($"/api/v1/dossiers/{id}/submit", null)).EnsureSuccessStatusCode();
        await using var db = app.Database.CreateContext();
        return (id, await db.DossierAttachments.Where(a => a.DossierId == id && a.DocumentCode == "DON").Select(a => a.Id).SingleAsync());
    }

    private static async Task<HttpResponseMessage> CertifyAsync(HttpClient client, string url, EntityTagHeaderValue etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        request.Headers.IfMatch.Add(etag);
        return await client.SendAsync(request);
    }
}

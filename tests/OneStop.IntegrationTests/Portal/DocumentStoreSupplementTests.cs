using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OneStop.Core.Documents;
using OneStop.Core.Dossiers;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Portal;

/// <summary>
/// Answering a supplement request with the document store: on the dossier's page (and the API's resubmit) the citizen picks a required
/// document from their own store instead of uploading it; the official reads where it came from; another citizen's document is refused
/// and nothing is resubmitted.
/// </summary>
public sealed class DocumentStoreSupplementTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    private const string OtherCitizen = "hoang.thi.mai@demo.onestop.vn";

    [Fact]
    public async Task The_supplement_page_takes_a_document_from_the_citizens_own_store_and_refuses_anyone_elses()
    {
        var (first, stored) = await StoreScenarios.ResultInStoreAsync(app);
        var strangers = await StrangersDocumentAsync(first);
        var id = await WaitingForSupplementAsync();
        var citizen = app.CreateClient(new() { AllowAutoRedirect = false });
        await citizen.SignInAsync(DemoAccounts.Citizen);

        var page = WebUtility.HtmlDecode(await citizen.GetStringAsync($"/ho-so/{id}"));
        Assert.Contains("hoặc chọn giấy tờ có sẵn trong kho dữ liệu của bạn", page, StringComparison.Ordinal);
        Assert.Contains($"value=\"{stored.Id}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain(strangers.ToString(), page, StringComparison.Ordinal);

        var stolen = await (await citizen.FormAsync($"/ho-so/{id}", "[data-testid=supplement] form"))
            .Set("store.GPLX", strangers.ToString()).Set("Comment", "Giấy phép lái xe").PostAsync(citizen);
        Assert.Equal(HttpStatusCode.OK, stolen.StatusCode);
        Assert.Contains("Không tìm thấy giấy tờ trong kho dữ liệu của bạn", WebUtility.HtmlDecode(await stolen.Content.ReadAsStringAsync()),
            StringComparison.Ordinal);
        await using (var db = app.Database.CreateContext())
        {
            Assert.Equal(DossierStatus.WaitingForSupplement, (await db.Dossiers.SingleAsync(d => d.Id == id)).Status);
            Assert.False(await db.DossierAttachments.AnyAsync(a => a.DossierId == id && a.StoredDocumentId != null));
        }

        var answered = await (await citizen.FormAsync($"/ho-so/{id}", "[data-testid=supplement] form"))
            .Set("store.GPLX", stored.Id.ToString()).Set("Comment", "Bổ sung giấy phép lái xe từ kho dữ liệu").PostAsync(citizen);

        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        await using (var db = app.Database.CreateContext())
        {
            Assert.Equal(DossierStatus.Submitted, (await db.Dossiers.SingleAsync(d => d.Id == id)).Status);
            var picked = await db.DossierAttachments.SingleAsync(a => a.DossierId == id && a.StoredDocumentId == stored.Id);
            Assert.Equal("GPLX", picked.DocumentCode);
            Assert.Equal(stored.Sha256, picked.Sha256);
        }

        var reception = app.CreateClient();
        await reception.SignInAsync(DemoAccounts.ReceptionSgtvt);
        var official = WebUtility.HtmlDecode(await reception.GetStringAsync($"/Workspace/Dossier/{id}"));
        Assert.Contains("Từ kho dữ liệu của công dân — kết quả hồ sơ " + first.Code, official, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_resubmit_endpoint_takes_documents_from_the_store_all_or_nothing()
    {
        var (first, stored) = await StoreScenarios.ResultInStoreAsync(app);
        var strangers = await StrangersDocumentAsync(first);
        var id = await WaitingForSupplementAsync();
        var citizen = await app.CreateBearerClientAsync(DemoAccounts.Citizen);

        var incomplete = await citizen.PostAsJsonAsync($"/api/v1/dossiers/{id}/resubmit", new { fromStore = new[] { new { documentCode = "GPLX" } } });
        var stolen = await citizen.PostAsJsonAsync($"/api/v1/dossiers/{id}/resubmit",
            new { comment = "Bổ sung", fromStore = new[] { new { documentCode = "GPLX", storedDocumentId = strangers } } });

        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        Assert.Equal("application/problem+json", incomplete.Content.Headers.ContentType?.MediaType);
        Assert.True(stolen.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, stolen.StatusCode.ToString());
        Assert.Equal("application/problem+json", stolen.Content.Headers.ContentType?.MediaType);
        Assert.Equal("WaitingForSupplement", (await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{id}")).GetProperty("status").GetString());

        var resubmitted = await citizen.PostAsJsonAsync($"/api/v1/dossiers/{id}/resubmit",
            new { comment = "Bổ sung", fromStore = new[] { new { documentCode = "GPLX", storedDocumentId = stored.Id } } });

        Assert.Equal(HttpStatusCode.OK, resubmitted.StatusCode);
        var detail = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{id}");
        Assert.Equal("Submitted", detail.GetProperty("status").GetString());
        Assert.Single(detail.GetProperty("attachments").EnumerateArray(), a => a.GetProperty("documentCode").GetString() == "GPLX"
            && a.GetProperty("provenance").ValueKind == JsonValueKind.String && a.GetProperty("provenance").GetString()!.StartsWith("Từ kho dữ liệu của công dân", StringComparison.Ordinal));
    }

    /// <summary>The demo citizen's driving-licence dossier, submitted with its papers and sent back by the counter for a supplement.</summary>
    private async Task<Guid> WaitingForSupplementAsync()
    {
        var citizen = await app.CreateBearerClientAsync(DemoAccounts.Citizen);
        var id = await StoreScenarios.DraftWithUploadsAsync(citizen, "DON", "GKSK", "GPLX");
        (await citizen.PostAsync($"/api/v1/dossiers/{id}/submit", null)).EnsureSuccessStatusCode();
        await using var db = app.Database.CreateContext();
        await new DossierScenario(app.Services).ActAsync(await db.Dossiers.SingleAsync(d => d.Id == id), "requestSupplement",
            DemoAccounts.ReceptionSgtvt, "Reception", "MOTCUA", "Bản chụp giấy phép lái xe bị mờ");
        return id;
    }

    /// <summary>A document in another citizen's store.</summary>
    private async Task<Guid> StrangersDocumentAsync(Dossier dossier)
    {
        var owner = await new DossierScenario(app.Services).UserIdAsync(OtherCitizen);
        await using var db = app.Database.CreateContext();
        var copy = StoredDocument.FromCertifiedCopy(owner, Guid.NewGuid(), "Giấy phép lái xe", "gplx.pdf", "application/pdf", dossier.Id.ToByteArray().Length,
            new string('a', 64), dossier.Id, dossier.Code!, "Sở Giao thông vận tải", DateTimeOffset.UtcNow);
        db.StoredDocuments.Add(copy);
        await db.SaveChangesAsync();
        return copy.Id;
    }
}

using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OneStop.Core.Documents;
using OneStop.Core.Dossiers;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Portal;

/// <summary>The document store's test data: a citizen's result in their store, and a driving-licence draft with its uploads.</summary>
internal static class StoreScenarios
{
    /// <summary>A driving-licence renewal of the demo citizen driven to its result; the result's store document.</summary>
    public static async Task<(Dossier Dossier, StoredDocument Stored)> ResultInStoreAsync(OneStopAppFactory app)
    {
        var scenario = new DossierScenario(app.Services);
        var dossier = await scenario.SubmitDrivingLicenceAsync();
        await scenario.ActAsync(dossier, "accept", DemoAccounts.ReceptionSgtvt, "Reception", "MOTCUA");
        await scenario.ActAsync(dossier, "submit", DemoAccounts.SpecialistSgtvt, "Specialist", "QLPT");
        await scenario.ActAsync(dossier, "approve", DemoAccounts.LeaderSgtvt, "Leader", "LANHDAO");
        await scenario.DeliverEffectsAsync();
        await using var db = app.Database.CreateContext();
        var resultId = await db.IssuedDocuments.Where(d => d.DossierId == dossier.Id && d.Kind == "result").Select(d => d.Id).SingleAsync();
        return (dossier, await db.StoredDocuments.AsNoTracking().SingleAsync(s => s.IssuedDocumentId == resultId));
    }

    /// <summary>A driving-licence renewal draft of the signed-in citizen with a PDF uploaded for each of <paramref name="codes"/>.</summary>
    public static async Task<Guid> DraftWithUploadsAsync(HttpClient client, params string[] codes)
    {
        var created = await client.PostAsJsonAsync("/api/v1/dossiers",
            new { procedureCode = "1.002804", formData = new { licenceNumber = "200123456789", licenceClass = "B", deliverByPost = "true" } });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        foreach (var code in codes)
        {
            var form = new MultipartFormDataContent { { new StringContent(code), "documentCode" } };
            var file = new ByteArrayContent(CitizenDossierBuilder.Pdf);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "file", code + ".pdf");
            (await client.PostAsync($"/api/v1/dossiers/{id}/attachments", form)).EnsureSuccessStatusCode();
        }

        return id;
    }
}

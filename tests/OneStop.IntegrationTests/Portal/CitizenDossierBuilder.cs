using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace OneStop.IntegrationTests.Portal;

/// <summary>Drafts and submits a driving-licence renewal (level 4, fee 135.000 đồng) through the API, as a citizen's app does.</summary>
internal static class CitizenDossierBuilder
{
    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

    public static async Task<Guid> DraftAsync(HttpClient client)
    {
        var created = await client.PostAsJsonAsync("/api/v1/dossiers",
            new { procedureCode = "1.002804", formData = new { licenceNumber = "200123456789", licenceClass = "B", deliverByPost = "true" } });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        foreach (var code in new[] { "DON", "GKSK", "GPLX" })
        {
            var form = new MultipartFormDataContent { { new StringContent(code), "documentCode" } };
            var file = new ByteArrayContent(Pdf);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "file", code + ".pdf");
            (await client.PostAsync($"/api/v1/dossiers/{id}/attachments", form)).EnsureSuccessStatusCode();
        }

        return id;
    }

    public static async Task<(Guid Id, string Code)> SubmittedAsync(HttpClient client)
    {
        var id = await DraftAsync(client);
        var submitted = await client.PostAsync($"/api/v1/dossiers/{id}/submit", null);
        submitted.EnsureSuccessStatusCode();
        return (id, (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!);
    }
}

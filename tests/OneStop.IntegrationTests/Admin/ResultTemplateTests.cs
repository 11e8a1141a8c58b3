using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Admin;

public sealed class ResultTemplateTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    private const string Template = """
        {
          "title": "GIẤY PHÉP",
          "paragraphs": ["Cấp cho {{applicantName}} — hạng {{licenceClass}}."],
          "fields": [{ "label": "Số giấy phép cũ", "value": "{{licenceNumber}}" }],
          "signerTitle": "GIÁM ĐỐC"
        }
        """;

    [Fact]
    public async Task An_administrator_edits_the_template_and_the_next_result_follows_it()
    {
        var admin = await SignedInAsync(DemoAccounts.Admin);

        var saved = await admin.PutAsync("/api/v1/admin/procedures/1.002804/result-template", new StringContent(Template, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);
        var scenario = new DossierScenario(app.Services);
        var dossier = await scenario.SubmitDrivingLicenceAsync();
        await scenario.ActAsync(dossier, "accept", DemoAccounts.ReceptionSgtvt, "Reception", "MOTCUA");
        await scenario.ActAsync(dossier, "submit", DemoAccounts.SpecialistSgtvt, "Specialist", "QLPT");
        await scenario.ActAsync(dossier, "approve", DemoAccounts.LeaderSgtvt, "Leader", "LANHDAO");
        await scenario.DeliverEffectsAsync();
        await using var db = app.Database.CreateContext();
        var text = PdfText.Of((await db.IssuedDocuments.SingleAsync(d => d.DossierId == dossier.Id && d.Kind == "result")).Content);
        Assert.Contains("GIẤY PHÉP", text, StringComparison.Ordinal);
        Assert.Contains("hạng B", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_template_naming_an_unknown_field_or_broken_json_is_refused_and_nothing_changes()
    {
        var admin = await SignedInAsync(DemoAccounts.Admin);
        var before = await admin.GetStringAsync("/api/v1/admin/procedures/1.009994/result-template");

        var unknown = await admin.PutAsync("/api/v1/admin/procedures/1.009994/result-template",
            new StringContent(Template.Replace("licenceClass", "soTang", StringComparison.Ordinal), Encoding.UTF8, "application/json"));
        var broken = await admin.PutAsync("/api/v1/admin/procedures/1.009994/result-template", new StringContent("{ \"title\": ", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("soTang", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal(before, await admin.GetStringAsync("/api/v1/admin/procedures/1.009994/result-template"));
    }

    [Theory]
    [InlineData(DemoAccounts.Citizen)]
    [InlineData(DemoAccounts.LeaderSgtvt)]
    public async Task Non_administrators_get_403(string email)
    {
        var client = await SignedInAsync(email);

        var response = await client.PutAsync("/api/v1/admin/procedures/1.002804/result-template", new StringContent(Template, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private Task<HttpClient> SignedInAsync(string email) => app.CreateBearerClientAsync(email);
}

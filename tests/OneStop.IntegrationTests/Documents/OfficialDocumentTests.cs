using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Documents;

public sealed class OfficialDocumentTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    [Fact]
    public async Task Approval_issues_the_result_from_the_procedures_template_with_the_form_data_in_place()
    {
        var scenario = new DossierScenario(app.Services);
        var dossier = await scenario.SubmitDrivingLicenceAsync();
        await scenario.ActAsync(dossier, "accept", DemoAccounts.ReceptionSgtvt, "Reception", "MOTCUA");
        await scenario.ActAsync(dossier, "submit", DemoAccounts.SpecialistSgtvt, "Specialist", "QLPT");
        await scenario.ActAsync(dossier, "approve", DemoAccounts.LeaderSgtvt, "Leader", "LANHDAO");
        await scenario.DeliverEffectsAsync();

        await using var db = app.Database.CreateContext();
        var result = await db.IssuedDocuments.SingleAsync(d => d.DossierId == dossier.Id && d.Kind == "result");
        var text = Text(result.Content);
        Assert.Contains("QUYẾT ĐỊNH", text, StringComparison.Ordinal);
        Assert.Contains("200123456789", text, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Văn An", text, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Corrections_of_one_document_sent_at_the_same_moment_issue_one_and_refuse_the_others()
    {
        var scenario = new DossierScenario(app.Services);
        var dossier = await scenario.SubmitDrivingLicenceAsync();
        await scenario.ActAsync(dossier, "accept", DemoAccounts.ReceptionSgtvt, "Reception", "MOTCUA");
        await scenario.DeliverEffectsAsync();
        Guid receiptId;
        await using (var db = app.Database.CreateContext())
        {
            receiptId = (await db.IssuedDocuments.SingleAsync(d => d.DossierId == dossier.Id && d.Kind == "receipt")).Id;
        }

        var leaders = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => SignedInAsync(DemoAccounts.LeaderSgtvt)));
        var answers = await Task.WhenAll(leaders.Select((leader, i) => leader.PostAsJsonAsync($"/api/v1/dossiers/{dossier.Id}/documents",
            new { kind = "receipt", replaces = receiptId, comment = $"Sai ngày sinh ({i + 1})" })));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a =>
        {
            Assert.Equal(HttpStatusCode.Conflict, a.StatusCode);
            Assert.Equal("application/problem+json", a.Content.Headers.ContentType?.MediaType);
        });
        await using (var db = app.Database.CreateContext())
        {
            Assert.Equal(1, await db.IssuedDocuments.CountAsync(d => d.ReplacesId == receiptId));
            Assert.Equal(1, await db.WorkflowJournal.CountAsync(j => j.DossierCode == dossier.Code
                && j.Kind == OneStop.Workflows.Runtime.State.JournalKind.DocumentReissued));
        }
    }

    [Fact]
    public async Task A_correction_is_a_new_document_that_names_the_old_one_which_stays_unchanged()
    {
        var scenario = new DossierScenario(app.Services);
        var dossier = await scenario.SubmitDrivingLicenceAsync();
        await scenario.ActAsync(dossier, "accept", DemoAccounts.ReceptionSgtvt, "Reception", "MOTCUA");
        await scenario.DeliverEffectsAsync();
        var reception = await SignedInAsync(DemoAccounts.ReceptionSgtvt);
        var client = await SignedInAsync(DemoAccounts.LeaderSgtvt);
        Guid receiptId;
        string oldHash;
        await using (var db = app.Database.CreateContext())
        {
            var receipt = await db.IssuedDocuments.SingleAsync(d => d.DossierId == dossier.Id && d.Kind == "receipt");
            (receiptId, oldHash) = (receipt.Id, receipt.Sha256);
        }

        var byReception = await reception.PostAsJsonAsync($"/api/v1/dossiers/{dossier.Id}/documents",
            new { kind = "receipt", replaces = receiptId, comment = "Sai ngày sinh" });
        var noReason = await client.PostAsJsonAsync($"/api/v1/dossiers/{dossier.Id}/documents", new { kind = "receipt", replaces = receiptId });
        var response = await client.PostAsJsonAsync($"/api/v1/dossiers/{dossier.Id}/documents",
            new { kind = "receipt", replaces = receiptId, comment = "Sai ngày sinh của người nộp" });

        // A correction is a leader's decision, with a reason; it is journaled (so audited and on the timeline).
        Assert.Equal(HttpStatusCode.Forbidden, byReception.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await using (var db = app.Database.CreateContext())
        {
            var journaled = await db.WorkflowJournal.SingleAsync(j => j.DossierCode == dossier.Code
                && j.Kind == OneStop.Workflows.Runtime.State.JournalKind.DocumentReissued);
            Assert.Equal(("Leader", "Sai ngày sinh của người nộp"), (journaled.ActorRole, journaled.Comment));
            Assert.True(await db.AuditLog.AnyAsync(a => a.Action == "dossier.documentReissued" && a.EntityId == dossier.Code));
        }

        var again = await client.PostAsJsonAsync($"/api/v1/dossiers/{dossier.Id}/documents",
            new { kind = "receipt", replaces = receiptId, comment = "Lần nữa" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var correction = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("receipt", correction.GetProperty("kind").GetString());
        var old = await client.GetFromJsonAsync<JsonElement>($"/api/v1/verify/{receiptId}");
        Assert.Equal(correction.GetProperty("verificationCode").GetString(), old.GetProperty("replacedByCode").GetString());
        Assert.Equal(oldHash, old.GetProperty("sha256").GetString());
        var fresh = await client.GetFromJsonAsync<JsonElement>($"/api/v1/verify/{correction.GetProperty("id").GetGuid()}");
        Assert.Equal(old.GetProperty("verificationCode").GetString(), fresh.GetProperty("replacesCode").GetString());
    }

    [Fact]
    public async Task Officials_issue_the_control_slip_and_an_apology_with_a_new_date()
    {
        var scenario = new DossierScenario(app.Services);
        var dossier = await scenario.SubmitDrivingLicenceAsync();
        await scenario.ActAsync(dossier, "accept", DemoAccounts.ReceptionSgtvt, "Reception", "MOTCUA", "Hồ sơ đầy đủ");
        await scenario.ActAsync(dossier, "submit", DemoAccounts.SpecialistSgtvt, "Specialist", "QLPT");
        var client = await SignedInAsync(DemoAccounts.LeaderSgtvt);

        var slip = await client.PostAsJsonAsync($"/api/v1/dossiers/{dossier.Id}/documents", new { kind = "controlSlip" });
        var noDate = await client.PostAsJsonAsync($"/api/v1/dossiers/{dossier.Id}/documents", new { kind = "apology", comment = "Chờ kết quả xác minh" });
        var apology = await client.PostAsJsonAsync($"/api/v1/dossiers/{dossier.Id}/documents",
            new { kind = "apology", comment = "Chờ kết quả xác minh của cơ quan cấp trước", newDueAt = new DateTimeOffset(2027, 1, 15, 16, 0, 0, TimeSpan.FromHours(7)) });
        var receiptDirectly = await client.PostAsJsonAsync($"/api/v1/dossiers/{dossier.Id}/documents", new { kind = "receipt" });

        Assert.Equal(HttpStatusCode.Created, slip.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noDate.StatusCode);
        Assert.Contains("ngày hẹn trả mới", await noDate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, apology.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, receiptDirectly.StatusCode);
        await using var db = app.Database.CreateContext();
        var slipText = Text((await db.IssuedDocuments.SingleAsync(d => d.DossierId == dossier.Id && d.Kind == "controlSlip")).Content);
        Assert.Contains("Tiếp nhận", slipText, StringComparison.Ordinal);
        Assert.Contains("Trình lãnh đạo ký", slipText, StringComparison.Ordinal);
        var apologyText = Text((await db.IssuedDocuments.SingleAsync(d => d.DossierId == dossier.Id && d.Kind == "apology")).Content);
        Assert.True(apologyText.Contains("15/01/2027", StringComparison.Ordinal) || apologyText.Contains("ngày 15 tháng 01 năm 2027", StringComparison.Ordinal), apologyText);
    }

    [Fact]
    public async Task The_counter_exports_its_register_as_pdf_and_csv_and_citizens_cannot()
    {
        var scenario = new DossierScenario(app.Services);
        var dossier = await scenario.SubmitDrivingLicenceAsync();
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).DateTime);
        var official = await SignedInAsync(DemoAccounts.ReceptionSgtvt);
        var citizen = await SignedInAsync(DemoAccounts.Citizen);

        var pdf = await official.GetAsync($"/api/v1/register?from={today.AddDays(-1):yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}");
        var csv = await official.GetAsync($"/api/v1/register?from={today.AddDays(-1):yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}&format=csv");
        var backwards = await official.GetAsync($"/api/v1/register?from={today:yyyy-MM-dd}&to={today.AddDays(-3):yyyy-MM-dd}");
        var forbidden = await citizen.GetAsync($"/api/v1/register?from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}");

        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        var registerText = Text(await pdf.Content.ReadAsByteArrayAsync());
        Assert.True(registerText.Replace(" ", "", StringComparison.Ordinal).Contains(dossier.Code!, StringComparison.Ordinal), registerText);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var csvText = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.Contains(dossier.Code!, csvText, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Văn An", csvText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task A_commune_dossier_runs_to_the_end_its_automatic_step_sets_a_field_and_issues_the_result()
    {
        var scenario = new DossierScenario(app.Services);
        var citizen = await scenario.UserIdAsync(DemoAccounts.Citizen);
        OneStop.Core.Dossiers.Dossier dossier;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            dossier = await scope.ServiceProvider.GetRequiredService<OneStop.Infrastructure.Dossiers.DossierIntake>().SubmitAsync(
                    new OneStop.Infrastructure.Dossiers.NewDossier("1.001612", "P-LVT",
                        new OneStop.Core.Dossiers.Applicant("Nguyễn Văn An", "020090001234", "0912345678", null, "Phường Lương Văn Tri"), citizen,
                        OneStop.Core.Dossiers.SubmissionChannel.Online,
                        """{"businessName":"Tạp hóa An Bình","capital":200000000,"applicantType":"individual"}"""),
                    OneStop.Infrastructure.Dossiers.DossierIntake.Citizen(citizen));
        }

        await scenario.DriveToEndAsync(dossier.Code!, new Dictionary<string, object?> { ["capital"] = 200_000_000m, ["applicantType"] = "individual" });
        await scenario.DeliverEffectsAsync();

        await using var db = app.Database.CreateContext();
        var done = await db.Dossiers.SingleAsync(d => d.Id == dossier.Id);
        Assert.Equal("Completed", done.Status.ToString());
        Assert.Contains("\"registered\": true", done.FormData.Replace("\"registered\":true", "\"registered\": true", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Tạp hóa An Bình", Text((await db.IssuedDocuments.SingleAsync(d => d.DossierId == dossier.Id && d.Kind == "result")).Content),
            StringComparison.Ordinal);
    }

    private Task<HttpClient> SignedInAsync(string email) => app.CreateBearerClientAsync(email);

    private static string Text(byte[] pdf) => PdfText.Of(pdf);
}

using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Files;
using OneStop.Testing;
using OneStop.Workflows.Runtime;

namespace OneStop.IntegrationTests.Workspace;

/// <summary>
/// Each role × each workspace endpoint, on a driving-licence dossier of Sở GTVT waiting at the specialist's review step (Phòng QLPT):
/// the specialist is of the step's own department, the counter official and the leader of other departments of the same agency;
/// the same three roles at Sở Tư pháp are another agency; then the administrator, the applicant, another citizen and an anonymous visitor.
/// Outcomes: "ok" (200/201, or the page reports the action done), "refused" (the page explains the engine's refusal), 403, 404,
/// "login" (sent to sign in), 401 (API without credentials).
/// </summary>
public sealed class AuthorisationMatrixTests(AuthorisationMatrixTests.App app) : IClassFixture<AuthorisationMatrixTests.App>
{
    /// <summary>Every request seems to come from 203.0.113.9 (a documentation address), so the journal's "from where" is checked.</summary>
    public sealed class App : OneStopAppFactory
    {
        public const string ClientAddress = "203.0.113.9";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ClientAddressFilter>());
        }

        private sealed class ClientAddressFilter : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use((HttpContext context, RequestDelegate inner) =>
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(ClientAddress);
                    return inner(context);
                });
                next(app);
            };
        }
    }

    private const string Counter = DemoAccounts.ReceptionSgtvt;
    private const string Specialist = DemoAccounts.SpecialistSgtvt;
    private const string Leader = DemoAccounts.LeaderSgtvt;
    private const string CounterOther = "tiepnhan.stp@demo.onestop.vn";
    private const string SpecialistOther = "chuyenvien.hctp.stp@demo.onestop.vn";
    private const string LeaderOther = "lanhdao.stp@demo.onestop.vn";
    private const string Admin = DemoAccounts.Admin;
    private const string Applicant = DemoAccounts.Citizen;
    private const string OtherCitizen = "hoang.thi.mai@demo.onestop.vn";
    private const string Anonymous = "anonymous";

    private static readonly string[] Who = [Counter, Specialist, Leader, CounterOther, SpecialistOther, LeaderOther, Admin, Applicant, OtherCitizen, Anonymous];

    /// <summary>Expected outcome per endpoint, in the order of <see cref="Who"/>.</summary>
    private static readonly Dictionary<string, string[]> Expected = new()
    {
        ["inbox"] = ["ok", "ok", "ok", "ok", "ok", "ok", "403", "403", "403", "login"],
        ["view"] = ["ok", "ok", "ok", "404", "404", "404", "403", "403", "403", "login"],
        ["attachment"] = ["ok", "ok", "ok", "404", "404", "404", "404", "ok", "404", "401"],
        ["document"] = ["ok", "ok", "ok", "404", "404", "404", "404", "ok", "404", "401"],
        ["act"] = ["refused", "ok", "refused", "404", "404", "404", "403", "403", "403", "login"],
        ["claim"] = ["refused", "ok", "refused", "404", "404", "404", "403", "403", "403", "login"],
        ["assign"] = ["refused", "refused", "ok", "404", "404", "404", "403", "403", "403", "login"],
        ["apology"] = ["ok", "ok", "ok", "404", "404", "404", "403", "403", "403", "login"],
        ["issue"] = ["ok", "ok", "ok", "404", "404", "404", "403", "403", "403", "401"],
        ["register"] = ["ok", "ok", "ok", "ok", "ok", "ok", "403", "403", "403", "login"],
        ["register-api"] = ["ok", "ok", "ok", "ok", "ok", "ok", "403", "403", "403", "401"],
        ["statistics"] = ["403", "403", "ok", "403", "403", "ok", "ok", "403", "403", "login"],
    };

    public static TheoryData<string, string, string> Matrix()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (endpoint, outcomes) in Expected)
        {
            for (var i = 0; i < Who.Length; i++)
            {
                data.Add(endpoint, Who[i], outcomes[i]);
            }
        }

        return data;
    }


    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_gets_exactly_its_outcome_on_each_endpoint(string endpoint, string who, string expected)
    {
        var (dossier, attachmentId, documentId) = await DossierAtReviewAsync();
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        if (who != Anonymous)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(who)).StatusCode);
        }

        var path = $"/Workspace/Dossier/{dossier.Id}";
        var response = endpoint switch
        {
            "inbox" => await client.GetAsync("/Workspace"),
            "view" => await client.GetAsync(path),
            "attachment" => await client.GetAsync($"/api/v1/dossiers/{dossier.Id}/attachments/{attachmentId}"),
            "document" => await client.GetAsync($"/api/v1/dossiers/{dossier.Id}/documents/{documentId}"),
            "act" => await PostAsync(client, path, await TaskFieldsAsync(dossier, new() { ["ActionId"] = "submit", ["Comment"] = "Đủ điều kiện" })),
            "claim" => await PostAsync(client, $"{path}?handler=Claim", await TaskFieldsAsync(dossier, [])),
            "assign" => await PostAsync(client, $"{path}?handler=Assign",
                await TaskFieldsAsync(dossier, new() { ["AssigneeId"] = (await new DossierScenario(app.Services).UserIdAsync(Specialist)).ToString() })),
            "apology" => await PostAsync(client, $"{path}?handler=Apology", new()
            {
                ["NewDate"] = DateTime.UtcNow.AddDays(60).ToString("yyyy-MM-dd"),
                ["Reason"] = "Cần xác minh thêm thông tin.",
            }),
            "issue" => await client.PostAsJsonAsync($"/api/v1/dossiers/{dossier.Id}/documents", new { kind = "controlSlip" }),
            "register" => await client.GetAsync("/Workspace/Register"),
            "register-api" => await client.GetAsync("/api/v1/register?from=2025-01-01&to=2025-12-31&format=csv"),
            "statistics" => await client.GetAsync("/Workspace/Statistics"),
            _ => throw new ArgumentOutOfRangeException(nameof(endpoint)),
        };

        Assert.Equal(expected, await OutcomeAsync(await FollowToDossierAsync(client, response)));
    }

    /// <summary>Pages post, then redirect to the dossier page (Post/Redirect/Get), which shows the outcome: follow that redirect.</summary>
    private static async Task<HttpResponseMessage> FollowToDossierAsync(HttpClient client, HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/Workspace/Dossier/", StringComparison.Ordinal) == true
            ? await client.GetAsync(response.Headers.Location)
            : response;

    [Fact]
    public async Task Every_action_is_journaled_with_who_when_and_from_where()
    {
        var (dossier, _, _) = await DossierAtReviewAsync();
        var specialist = app.CreateClient();
        await specialist.SignInAsync(Specialist);
        Assert.StartsWith("message:", await specialist.PostHandlerAsync(dossier.Id, "Claim", await TaskFieldsAsync(dossier, [])), StringComparison.Ordinal);
        Assert.StartsWith("message:", await specialist.ActAsync(dossier.Id, "submit", new Dictionary<string, string> { ["Comment"] = "Đủ điều kiện" }),
            StringComparison.Ordinal);

        await using var db = app.Database.CreateContext();
        var specialistId = (await new DossierScenario(app.Services).UserIdAsync(Specialist)).ToString();
        var entries = await db.WorkflowJournal.Where(j => j.DossierCode == dossier.Code && j.ActorId == specialistId).OrderBy(j => j.Sequence).ToListAsync();
        Assert.Equal(["TaskClaimed", "ActionPerformed"], entries.Select(e => e.Kind.ToString()));
        Assert.All(entries, e =>
        {
            Assert.Equal(App.ClientAddress, e.ActorAddress);
            Assert.Equal("Specialist", e.ActorRole);
            Assert.True(e.At > DateTimeOffset.UtcNow.AddMinutes(-5));
        });
    }

    [Fact]
    public async Task The_apology_is_journaled_and_audited_with_who_when_and_from_where_from_the_page_and_from_the_api()
    {
        var (dossier, _, _) = await DossierAtReviewAsync();
        var counter = app.CreateClient();
        await counter.SignInAsync(Counter);
        var pageDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(40));
        Assert.Equal($"message: Đã phát hành văn bản xin lỗi, hẹn lại ngày {pageDate:dd/MM/yyyy}.", await counter.PostHandlerAsync(dossier.Id, "Apology",
            new Dictionary<string, string> { ["NewDate"] = pageDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["Reason"] = "Cần xác minh thêm thông tin." }));
        var leader = app.CreateClient();
        await leader.SignInAsync(Leader);
        var apiDate = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(50).AddHours(3), TimeSpan.Zero);
        var api = await leader.PostAsJsonAsync($"/api/v1/dossiers/{dossier.Id}/documents",
            new { kind = "apology", comment = "Chờ ý kiến cơ quan phối hợp", newDueAt = apiDate });
        Assert.Equal(HttpStatusCode.Created, api.StatusCode);

        await using var db = app.Database.CreateContext();
        var scenario = new DossierScenario(app.Services);
        var (counterId, leaderId) = (await scenario.UserIdAsync(Counter), await scenario.UserIdAsync(Leader));
        var entries = await db.WorkflowJournal.Where(j => j.DossierCode == dossier.Code && j.Kind == OneStop.Workflows.Runtime.State.JournalKind.Apologised).OrderBy(j => j.Sequence).ToListAsync();
        Assert.Equal([(counterId.ToString(), "Reception"), (leaderId.ToString(), "Leader")], entries.Select(e => (e.ActorId!, e.ActorRole!)));
        Assert.All(entries, e =>
        {
            Assert.Equal(App.ClientAddress, e.ActorAddress);
            Assert.True(e.At > DateTimeOffset.UtcNow.AddMinutes(-5));
            Assert.Equal("review", e.FromStep);
            Assert.Equal(["apology"], e.Documents);
        });
        Assert.Equal($"Hẹn trả kết quả mới: {pageDate:dd/MM/yyyy}. Lý do: Cần xác minh thêm thông tin.", entries[0].Comment);
        Assert.Equal($"Hẹn trả kết quả mới: {apiDate.ToOffset(TimeSpan.FromHours(7)):dd/MM/yyyy}. Lý do: Chờ ý kiến cơ quan phối hợp", entries[1].Comment);

        var audit = await db.AuditLog.Where(a => a.DossierId == dossier.Code && a.Action == "dossier.apologised").OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([counterId, leaderId], audit.Select(a => a.UserId!.Value));
        Assert.All(audit, a => Assert.Equal(App.ClientAddress, a.Ip));
        var timeline = WebUtility.HtmlDecode(await counter.GetStringAsync($"/Workspace/Dossier/{dossier.Id}"));
        Assert.Contains("Xin lỗi, hẹn lại ngày trả kết quả", timeline, StringComparison.Ordinal);
        Assert.Contains("Lý do: Chờ ý kiến cơ quan phối hợp", timeline, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agency_that_handled_a_step_loses_the_receiving_agencys_documents_once_the_step_is_done()
    {
        var dossier = await new DossierScenario(app.Services).SubmitCriminalRecordAsync();
        await new DossierScenario(app.Services).ActAsAsync(dossier, "accept", "tiepnhan.stp@demo.onestop.vn");
        var attachmentId = await AttachAsync(dossier);
        await new DossierScenario(app.Services).ActAsAsync(dossier, "sendToPolice", SpecialistOther);
        await new DossierScenario(app.Services).DeliverEffectsAsync();
        var police = app.CreateClient(new() { AllowAutoRedirect = false });
        await police.SignInAsync("chuyenvien.pv06.ca-tinh@demo.onestop.vn");
        var policeCounter = app.CreateClient(new() { AllowAutoRedirect = false });
        await policeCounter.SignInAsync("tiepnhan.ca-tinh@demo.onestop.vn");
        await using var db = app.Database.CreateContext();
        var receipt = await db.IssuedDocuments.Where(d => d.DossierId == dossier.Id).Select(d => d.Id).FirstAsync();
        string[] urls = [$"/Workspace/Dossier/{dossier.Id}", $"/api/v1/dossiers/{dossier.Id}/attachments/{attachmentId}",
            $"/api/v1/dossiers/{dossier.Id}/documents/{receipt}"];

        // While the police step is theirs: the police see the dossier and its papers, but issue nothing on behalf of Sở Tư pháp.
        foreach (var url in urls)
        {
            Assert.Equal(HttpStatusCode.OK, (await police.GetAsync(url)).StatusCode);
        }

        var apology = await police.PostAsJsonAsync($"/api/v1/dossiers/{dossier.Id}/documents",
            new { kind = "apology", comment = "Chậm", newDueAt = DateTimeOffset.UtcNow.AddDays(60) });
        Assert.Equal(HttpStatusCode.Forbidden, apology.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await police.PostAsJsonAsync($"/api/v1/dossiers/{dossier.Id}/documents",
            new { kind = "controlSlip" })).StatusCode);

        await new DossierScenario(app.Services).ActAsAsync(dossier, "reply", "chuyenvien.pv06.ca-tinh@demo.onestop.vn", ["ket-qua-tra-cuu.pdf"]);

        foreach (var url in urls)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await police.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await policeCounter.GetAsync(url)).StatusCode);
        }
    }

    private async Task<(Dossier Dossier, Guid AttachmentId, Guid DocumentId)> DossierAtReviewAsync()
    {
        var scenario = new DossierScenario(app.Services);
        var dossier = await scenario.SubmitDrivingLicenceAsync();
        var attachment = await AttachAsync(dossier);
        await scenario.ActAsync(dossier, "accept", Counter, "Reception", "MOTCUA");
        await scenario.DeliverEffectsAsync();
        await using var db = app.Database.CreateContext();
        var document = await db.IssuedDocuments.Where(d => d.DossierId == dossier.Id).Select(d => d.Id).FirstAsync();
        return (dossier, attachment, document);
    }

    private async Task<Guid> AttachAsync(Dossier dossier)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var hash = await scope.ServiceProvider.GetRequiredService<IFileStore>().SaveAsync(OfficialPages.Pdf);
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var attachment = new DossierAttachment(dossier.Id, "GIAY-TO", "giay-to.pdf", "application/pdf", OfficialPages.Pdf.Length, hash,
            DateTimeOffset.UtcNow, dossier.ApplicantUserId);
        db.DossierAttachments.Add(attachment);
        await db.SaveChangesAsync();
        return attachment.Id;
    }

    private async Task<Dictionary<string, string>> TaskFieldsAsync(Dossier dossier, Dictionary<string, string> fields)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var instance = (await scope.ServiceProvider.GetRequiredService<IWorkflowEngine>().GetAsync(dossier.WorkflowInstanceId!.Value))!;
        fields["TaskId"] = instance.OpenTasks.Single().Id.ToString();
        fields["Version"] = instance.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return fields;
    }

    /// <summary>Posts a form with a valid antiforgery token of this client (from the home page's sign-out form, or the sign-in page).</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        var token = PageForms.AntiforgeryToken(await client.GetStringAsync("/"))
            ?? PageForms.AntiforgeryToken(await client.GetStringAsync("/Account/Login"))!;
        fields["__RequestVerificationToken"] = token;
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    private static async Task<string> OutcomeAsync(HttpResponseMessage response)
    {
        switch (response.StatusCode)
        {
            case HttpStatusCode.Redirect when response.Headers.Location?.OriginalString.Contains("/Account/Login", StringComparison.Ordinal) == true:
                return "login";
            case HttpStatusCode.OK or HttpStatusCode.Created:
                var body = await response.Content.ReadAsStringAsync();
                return OfficialPages.Describe(body) switch
                {
                    var d when d.StartsWith("error:", StringComparison.Ordinal) => "refused",
                    _ => "ok",
                };
            case HttpStatusCode.Redirect:
                return "ok";   // an action that handed the dossier on, back to the inbox
            default:
                return ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}

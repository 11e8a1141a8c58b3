using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.NationalPortal;
using OneStop.Testing;

namespace OneStop.IntegrationTests.NationalPortal;

/// <summary>A dossier submitted on the national portal arrives signed, becomes a dossier here with its workflow, and its receipt goes back.</summary>
public sealed class NationalPortalInboundTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private const string Path = "/api/v1/national-portal/dossiers";

    private static string Body(string nationalId, string procedureCode = "1.002804", string fullName = "Trần Thị Bình", string formData =
        """{"licenceNumber":"200123456789","licenceClass":"B","deliverByPost":"true"}""") =>
        $$"""
        {"nationalId":"{{nationalId}}","procedureCode":"{{procedureCode}}",
         "applicant":{"fullName":"{{fullName}}","idNumber":"020190004321","phone":"0987 654 321","email":"binh@example.vn","address":"Số 5 phố Lê Lợi, Lạng Sơn"},
         "formData":{{formData}}}
        """;

    [Fact]
    public async Task A_signed_dossier_becomes_a_dossier_with_its_workflow_its_receipt_goes_back_and_a_repeat_returns_the_same_dossier()
    {
        var nationalId = "G22.99-" + Guid.NewGuid().ToString("N")[..10];
        var client = app.CreateClient();

        var created = await client.SendAsync(PortalAppFactory.Signed(Path, Body(nationalId)));
        var repeated = await client.SendAsync(PortalAppFactory.Signed(Path, Body(nationalId)));
        await PortalAppFactory.DeliverAsync(app.Services);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
        var first = await created.Content.ReadFromJsonAsync<JsonElement>();
        var second = await repeated.Content.ReadFromJsonAsync<JsonElement>();
        var code = first.GetProperty("code").GetString()!;
        Assert.Equal(code, second.GetProperty("code").GetString());
        Assert.Equal(nationalId, first.GetProperty("nationalId").GetString());
        Assert.DoesNotContain("Trần Thị Bình", await created.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = app.Database.CreateContext();
        var dossier = await db.Dossiers.SingleAsync(d => d.Code == code);
        Assert.Equal(SubmissionChannel.NationalPortal, dossier.Channel);
        Assert.Equal(DossierStatus.Submitted, dossier.Status);
        Assert.NotNull(dossier.WorkflowInstanceId);
        Assert.Null(dossier.ApplicantUserId);
        Assert.Equal("020190004321", dossier.Applicant.IdNumber);
        Assert.Single(await db.PortalDossiers.Where(d => d.NationalId == nationalId).ToListAsync());
        Assert.Equal("reception", (await db.WorkflowTasks.SingleAsync(t => t.InstanceId == dossier.WorkflowInstanceId)).StepId);
        var receipt = Assert.Single(app.Services.GetRequiredService<NationalPortalSimulator>().For(code));
        Assert.Equal(PortalStatus.Received, receipt.Status);
        Assert.Equal(nationalId, receipt.NationalId);
        var counter = app.CreateClient();
        await counter.SignInAsync(DemoAccounts.ReceptionSgtvt);
        var inbox = await counter.GetStringAsync("/Workspace?channel=NationalPortal");
        Assert.Contains(code, inbox, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"channel-national-portal\"", inbox, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_copies_sent_at_once_make_one_dossier()
    {
        var nationalId = "G22.99-" + Guid.NewGuid().ToString("N")[..10];
        var client = app.CreateClient();

        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => client.SendAsync(PortalAppFactory.Signed(Path, Body(nationalId)))));

        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, a.StatusCode.ToString()));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        var codes = await Task.WhenAll(answers.Select(async a => (await a.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()));
        Assert.Single(codes.Distinct());
    }

    [Fact]
    public async Task An_unsigned_a_wrongly_signed_or_an_old_request_is_refused_with_401_and_nothing_is_made()
    {
        var nationalId = "G22.99-" + Guid.NewGuid().ToString("N")[..10];
        var client = app.CreateClient();
        var unsigned = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new StringContent(Body(nationalId), System.Text.Encoding.UTF8, "application/json") };
        var tampered = PortalAppFactory.Signed(Path, Body(nationalId));
        tampered.Content = new StringContent(Body(nationalId, fullName: "Kẻ Mạo Danh"), System.Text.Encoding.UTF8, "application/json");

        foreach (var request in new[]
                 {
                     unsigned, tampered, PortalAppFactory.Signed(Path, Body(nationalId), key: "mot-khoa-khac-hoan-toan-32-ky-tu"),
                     PortalAppFactory.Signed(Path, Body(nationalId), at: DateTimeOffset.UtcNow.AddHours(-1)),
                 })
        {
            var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("Chữ ký không hợp lệ", problem.GetProperty("title").GetString());
            Assert.Equal("portal.signature", problem.GetProperty("code").GetString());
        }

        await using var db = app.Database.CreateContext();
        Assert.False(await db.PortalDossiers.AnyAsync(d => d.NationalId == nationalId));
    }

    [Theory]
    [InlineData("no-name", HttpStatusCode.BadRequest, "applicant.fullName")]
    [InlineData("unknown-procedure", HttpStatusCode.NotFound, null)]
    [InlineData("bad-form", HttpStatusCode.BadRequest, "formData.licenceClass")]
    [InlineData("form-not-object", HttpStatusCode.BadRequest, "formData")]
    [InlineData("malformed", HttpStatusCode.BadRequest, null)]
    [InlineData("no-national-id", HttpStatusCode.BadRequest, "nationalId")]
    public async Task Bad_input_is_answered_with_vietnamese_problem_details_never_500(string kind, HttpStatusCode status, string? field)
    {
        var nationalId = "G22.99-" + Guid.NewGuid().ToString("N")[..10];
        var body = kind switch
        {
            "no-name" => Body(nationalId, fullName: " "),
            "unknown-procedure" => Body(nationalId, procedureCode: "9.999999"),
            "bad-form" => Body(nationalId, formData: """{"licenceNumber":"200123456789","licenceClass":"Z"}"""),
            "form-not-object" => Body(nationalId, formData: "[1,2]"),
            "malformed" => "{\"nationalId\":",
            _ => Body(string.Empty),
        };

        var response = await app.CreateClient().SendAsync(PortalAppFactory.Signed(Path, body));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        if (field is not null)
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        }
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Core.Dossiers;
using OneStop.Documents.Signing.Development;
using OneStop.Documents.Tests.Support;
using OneStop.Infrastructure.Signing;
using OneStop.Testing;
using UglyToad.PdfPig;

namespace OneStop.IntegrationTests.Signing;

/// <summary>The app with digital signing on, over the demo province's development certificates.</summary>
public sealed class SigningAppFactory : OneStopAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?> { ["Signing:Enabled"] = "true" }));
    }
}

/// <summary>
/// Issued documents carry the digital signature of the official whose action issued them and the agency's seal signature (pdfsig finds
/// both valid, with the expected signers), the result prints the approving leader's name and title, an action whose signer has no
/// certificate is refused with nothing done, /verify reports a file's signatures, and administrators manage the certificates.
/// </summary>
public sealed class SignedDocumentsTests(SigningAppFactory app) : IClassFixture<SigningAppFactory>
{
    [Fact]
    public async Task The_receipt_is_signed_by_the_counter_official_and_the_result_by_the_approving_leader_each_sealed_by_the_agency()
    {
        var scenario = new DossierScenario(app.Services);
        var dossier = await scenario.SubmitDrivingLicenceAsync();
        await WorkspaceApi.ActAsync(await app.CreateBearerClientAsync(DemoAccounts.ReceptionSgtvt), dossier.Id, "accept", "Hồ sơ đầy đủ");
        var specialist = await app.CreateBearerClientAsync(DemoAccounts.SpecialistSgtvt);
        var review = await WorkspaceApi.DossierAsync(specialist, dossier.Id);
        (await specialist.PostAsync($"/api/v1/workspace/dossiers/{dossier.Id}/tasks/{review.GetProperty("tasks")[0].GetProperty("taskId").GetString()}/claim", null))
            .EnsureSuccessStatusCode();
        await WorkspaceApi.ActAsync(specialist, dossier.Id, "submit", "Đồng ý");
        await WorkspaceApi.ActAsync(await app.CreateBearerClientAsync(DemoAccounts.LeaderSgtvt), dossier.Id, "approve", "Đồng ý");
        await scenario.DeliverEffectsAsync();

        var counter = await NameOfAsync(DemoAccounts.ReceptionSgtvt);
        var leader = await NameOfAsync(DemoAccounts.LeaderSgtvt);
        var receipt = await DocumentAsync(dossier.Id, "receipt");
        var result = await DocumentAsync(dossier.Id, "result");
        foreach (var (document, signer) in new[] { (receipt, counter), (result, leader) })
        {
            var signatures = PdfSig.Run(document.Content);
            Assert.Equal(2, signatures.Count);
            PdfSig.AssertValid(signatures[0], signer);
            PdfSig.AssertValid(signatures[1], "Sở Giao thông vận tải");
            Assert.True(signatures[1].TotalDocumentSigned);
            // The stored hash, which the QR's /verify compares with, is the signed bytes'.
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(document.Content)), document.Sha256);
        }

        // The result names the leader and the title on their account, never the system.
        using var pdf = PdfDocument.Open(result.Content);
        var text = string.Join('\n', pdf.GetPages().Select(p => p.Text));
        Assert.Contains(leader.ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal), text.ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal));
        Assert.Contains("PHÓGIÁMĐỐC", text.Replace(" ", "", StringComparison.Ordinal));
        Assert.DoesNotContain("HệthốngOneStop", text.Replace(" ", "", StringComparison.Ordinal));

        // /api/v1/verify: the file's signatures are intact and trusted (the demo root), and the bytes are the issued document.
        var check = await VerifyAsync(result.Content);
        Assert.True(check.GetProperty("signatures").GetProperty("isValid").GetBoolean(), check.ToString());
        Assert.Equal([leader, "Sở Giao thông vận tải"], check.GetProperty("signatures").GetProperty("signatures").EnumerateArray()
            .Select(s => s.GetProperty("signerName").GetString()));
        Assert.True(check.GetProperty("matches").GetBoolean());
        Assert.Equal(result.VerificationCode, check.GetProperty("document").GetProperty("verificationCode").GetString());

        // One byte changed after signing: reported altered, and no longer the issued document.
        var altered = (byte[])result.Content.Clone();
        // A byte of the first revision's first stream, inside both signatures' ranges.
        var at = altered.AsSpan().IndexOf("stream\n"u8) + 40;
        altered[at] ^= 0x01;
        var tampered = await VerifyAsync(altered);
        Assert.False(tampered.GetProperty("signatures").GetProperty("isValid").GetBoolean());
        Assert.False(tampered.GetProperty("matches").GetBoolean());
        Assert.Equal(JsonValueKind.Null, tampered.GetProperty("document").ValueKind);
        Assert.Contains(tampered.GetProperty("signatures").GetProperty("signatures").EnumerateArray(), s => s.GetProperty("integrity").GetString() == "Altered");
    }

    [Fact]
    public async Task An_action_whose_signer_has_no_certificate_is_refused_and_nothing_is_done()
    {
        var dossier = await new DossierScenario(app.Services).SubmitCriminalRecordAsync();
        var counterId = await new DossierScenario(app.Services).UserIdAsync("tiepnhan.stp@demo.onestop.vn");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var credentials = scope.ServiceProvider.GetRequiredService<SigningCredentials>();
            var credential = await credentials.FindAsync(SigningOwner.Official, counterId);
            Assert.True(await credentials.RevokeAsync(credential!.Id));
        }

        var counter = await app.CreateBearerClientAsync("tiepnhan.stp@demo.onestop.vn");
        var before = await counter.GetAsync($"/api/v1/workspace/dossiers/{dossier.Id}");
        int queuedBefore;
        await using (var db0 = app.Database.CreateContext())
        {
            queuedBefore = await db0.WorkflowOutbox.CountAsync(o => o.DossierCode == dossier.Code);
        }

        var response = await counter.SendActionAsync(dossier.Id, "accept", JsonContent.Create(new { comment = "Hồ sơ đầy đủ" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("chưa có chứng thư số", problem.GetProperty("detail").GetString());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);

        // Nothing half-done: the same version, status, journal and no document or queued effect.
        var after = await counter.GetAsync($"/api/v1/workspace/dossiers/{dossier.Id}");
        Assert.Equal(before.Headers.ETag, after.Headers.ETag);
        await using var db = app.Database.CreateContext();
        Assert.Equal(DossierStatus.Submitted, (await db.Dossiers.SingleAsync(d => d.Id == dossier.Id)).Status);
        Assert.False(await db.IssuedDocuments.AnyAsync(d => d.DossierId == dossier.Id));
        Assert.Equal(queuedBefore, await db.WorkflowOutbox.CountAsync(o => o.DossierCode == dossier.Code));
        Assert.False(await db.WorkflowJournal.AnyAsync(j => j.DossierCode == dossier.Code && j.ActionId == "accept"));
    }

    [Fact]
    public async Task An_administrator_uploads_an_officials_certificate_which_replaces_the_old_and_a_wrong_password_is_refused_in_vietnamese()
    {
        var official = await new DossierScenario(app.Services).UserIdAsync("tiepnhan.sxd@demo.onestop.vn");
        using var ca = DevelopmentCertificateAuthority.Create("Test CA");
        using var certificate = ca.IssuePerson("Cán Bộ Mới", "Sở Xây dựng");
        var p12 = ca.ExportPkcs12(certificate, "mat-khau");
        var admin = app.CreateClient();
        await admin.SignInAsync(DemoAccounts.Admin);

        var wrong = await UploadAsync(admin, official, p12, "sai");
        Assert.Contains("sai mật khẩu", wrong);
        var page = await UploadAsync(admin, official, p12, "mat-khau");
        Assert.Contains("Đã cập nhật chứng thư số của Cán Bộ Mới", page);

        await using var db = app.Database.CreateContext();
        var all = await db.SigningCredentials.Where(c => c.UserId == official).ToListAsync();
        var current = Assert.Single(all, c => c.RevokedAt == null);
        Assert.Equal("Cán Bộ Mới", current.SignerName);
        Assert.False(current.Demo);
        Assert.Contains(all, c => c.RevokedAt != null && c.Demo);
        // Encrypted at rest: neither the file nor its password is stored as given.
        Assert.False(current.ProtectedKey.AsSpan().IndexOf(p12.AsSpan(0, 64)) >= 0);
        Assert.False(current.ProtectedKey.AsSpan().IndexOf("mat-khau"u8) >= 0);
    }

    [Fact]
    public async Task The_withdrawal_confirmation_carries_the_agency_seal_only_and_the_stop_notice_the_leaders_signature()
    {
        var scenario = new DossierScenario(app.Services);
        var dossier = await scenario.SubmitDrivingLicenceAsync();
        await WorkspaceApi.ActAsync(await app.CreateBearerClientAsync(DemoAccounts.ReceptionSgtvt), dossier.Id, "requestSupplement", "Bổ sung bản sao giấy khám sức khỏe");
        var citizen = await scenario.UserIdAsync(DemoAccounts.Citizen);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var engine = scope.ServiceProvider.GetRequiredService<OneStop.Workflows.Runtime.IWorkflowEngine>();
            var instance = (await engine.GetAsync(dossier.WorkflowInstanceId!.Value))!;
            await engine.PerformAsync(new OneStop.Workflows.Runtime.PerformActionRequest(instance.Id, instance.OpenTasks.Single().Id, "withdraw",
                new OneStop.Workflows.Runtime.WorkflowActor(citizen.ToString(), "Citizen")) { Comment = "Tôi nộp nhầm thủ tục" });
        }

        await scenario.DeliverEffectsAsync();
        var withdrawal = await DocumentAsync(dossier.Id, "withdrawal");
        var seal = Assert.Single(PdfSig.Run(withdrawal.Content));
        PdfSig.AssertValid(seal, "Sở Giao thông vận tải");
        using (var pdf = PdfDocument.Open(withdrawal.Content))
        {
            var text = string.Concat(pdf.GetPages().Select(p => p.Text)).Replace(" ", "", StringComparison.Ordinal);
            Assert.Contains("PHIẾUXÁCNHẬNRÚTHỒSƠ", text);
            Assert.Contains("Tôinộpnhầmthủtục", text);
        }

        // The stop notice (Mẫu 05) issued by the leader: their signature, then the seal.
        var leader = await scenario.UserIdAsync(DemoAccounts.LeaderSgtvt);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var issuer = scope.ServiceProvider.GetRequiredService<OneStop.Infrastructure.Documents.DocumentIssuer>();
            var stop = await issuer.IssueAsync(new OneStop.Infrastructure.Documents.IssueRequest(dossier.Code!, "stopProcessing")
            {
                IssuedBy = leader.ToString(),
                Comment = "Người nộp hồ sơ đã rút hồ sơ",
            });
            var signatures = PdfSig.Run(stop.Content);
            Assert.Equal(2, signatures.Count);
            PdfSig.AssertValid(signatures[0], await NameOfAsync(DemoAccounts.LeaderSgtvt));
            PdfSig.AssertValid(signatures[1], "Sở Giao thông vận tải");
            Assert.Equal("Thông báo dừng giải quyết hồ sơ", stop.Title);
        }
    }

    private async Task<string> UploadAsync(HttpClient admin, Guid official, byte[] p12, string password)
    {
        var form = await admin.FormAsync("/Admin/Signing", $"form[action*='handler=Upload'][action*='{official}']");
        var content = (MultipartFormDataContent)form.Set("password", password).Content("file", "can-bo.p12", p12, "application/x-pkcs12");
        var response = await admin.PostAsync(form.Action, content);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<JsonElement> VerifyAsync(byte[] pdf)
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(file, "file", "van-ban.pdf");
        var response = await app.CreateClient().PostAsync("/api/v1/verify/", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<string> NameOfAsync(string email)
    {
        await using var db = app.Database.CreateContext();
        return await db.Users.Where(u => u.Email == email).Select(u => u.FullName).SingleAsync();
    }

    private async Task<Core.Documents.IssuedDocument> DocumentAsync(Guid dossierId, string kind)
    {
        await using var db = app.Database.CreateContext();
        return await db.IssuedDocuments.SingleAsync(d => d.DossierId == dossierId && d.Kind == kind);
    }
}

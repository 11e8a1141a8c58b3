using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Core.Dossiers;
using OneStop.Documents.Signing.Development;
using OneStop.Documents.Signing.Remote;
using OneStop.Documents.Tests.Support;
using OneStop.Infrastructure.Signing;
using OneStop.IntegrationTests.Workspace;
using OneStop.Testing;
using OneStop.Workflows.Runtime.State;

namespace OneStop.IntegrationTests.Signing;

/// <summary>
/// Signing on, with the remote-signing simulator as the CA; requests are confirmed or refused only when a test says so, and a test can move
/// the host's clock (the simulator's and the completion's) past a request's expiry.
/// </summary>
public sealed class RemoteSigningAppFactory : OneStopAppFactory
{
    public ShiftedClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Signing:Enabled"] = "true",
            ["Signing:Remote:Simulator"] = "true",
            ["Signing:Remote:SimulatorAutoConfirmSeconds"] = "-1",
            ["Signing:Remote:PollSeconds"] = "1",
        }));
    }
}

/// <summary>
/// Remote signing ("ký số từ xa") in the workflow: a leader whose credential is an account at the CA approves, the result waits ("chờ ký
/// số") without being issued, the background completion issues it signed by the leader and sealed by the agency once confirmed; a refusal
/// fails with its reason and the leader signs again; two completions at once issue it once; the administrator assigns the account.
/// </summary>
public sealed class RemoteSigningTests(RemoteSigningAppFactory app) : IClassFixture<RemoteSigningAppFactory>
{
    private const string Agency = "Sở Giao thông vận tải";

    [Fact]
    public async Task The_result_waits_for_the_leaders_confirmation_and_is_issued_signed_and_sealed_by_the_background_completion()
    {
        var (dossier, pending) = await ApprovedByRemoteLeaderAsync();
        Assert.Equal(PendingSignatureState.Pending, pending.State);

        // Nothing issued: the applicant sees the result being signed, cannot download it, and /verify does not know it.
        var citizen = await app.CreateBearerClientAsync(DemoAccounts.Citizen);
        var detail = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{dossier.Id}");
        Assert.DoesNotContain(detail.GetProperty("documents").EnumerateArray(), d => d.GetProperty("kind").GetString() == "result");
        Assert.Contains(pending.Title, detail.GetProperty("beingSigned").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync($"/api/v1/dossiers/{dossier.Id}/documents/{pending.DocumentId}")).StatusCode);
        var portal = app.CreateClient();
        await portal.SignInAsync(DemoAccounts.Citizen);
        Assert.Contains("đang được ký số", await portal.GetStringAsync($"/ho-so/{dossier.Id}"));

        // Officials see it waiting on the dossier (API and page).
        var leader = await app.CreateBearerClientAsync(DemoAccounts.LeaderSgtvt);
        var signature = Assert.Single((await WorkspaceApi.DossierAsync(leader, dossier.Id)).GetProperty("signatures").EnumerateArray());
        Assert.Equal("Pending", signature.GetProperty("state").GetString());
        Assert.Equal("Chờ ký số trên thiết bị", signature.GetProperty("stateText").GetString());
        var page = app.CreateClient();
        await page.SignInAsync(DemoAccounts.LeaderSgtvt);
        Assert.Contains("Chờ ký số trên thiết bị", await page.GetStringAsync($"/Workspace/Dossier/{dossier.Id}"));

        await using (var db = app.Database.CreateContext())
        {
            Assert.False(await db.StoredDocuments.AnyAsync(d => d.IssuedDocumentId == pending.DocumentId));
        }

        // Asked before the confirmation: still waiting.
        Assert.Equal(0, await CompleteAsync());
        Assert.Equal(PendingSignatureState.Pending, (await PendingAsync(dossier.Id)).State);

        Simulator.Confirm(pending.TransactionId);
        Assert.Equal(1, await CompleteWhenDueAsync());

        var done = await PendingAsync(dossier.Id);
        Assert.Equal(PendingSignatureState.Completed, done.State);
        var result = await ResultAsync(dossier.Id);
        Assert.Equal(pending.DocumentId, result.Id);
        var signatures = PdfSig.Run(result.Content);
        Assert.Equal(2, signatures.Count);
        PdfSig.AssertValid(signatures[0], await NameOfAsync(DemoAccounts.LeaderSgtvt));
        PdfSig.AssertValid(signatures[1], Agency);
        Assert.True(signatures[1].TotalDocumentSigned);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(result.Content)), result.Sha256);

        // Now the applicant has it, byte for byte, and /verify recognises the file as the issued document.
        var download = await citizen.GetAsync($"/api/v1/dossiers/{dossier.Id}/documents/{result.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(result.Content, await download.Content.ReadAsByteArrayAsync());
        var after = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{dossier.Id}");
        Assert.Empty(after.GetProperty("beingSigned").EnumerateArray());
        var check = await VerifyAsync(result.Content);
        Assert.True(check.GetProperty("matches").GetBoolean());
        await using (var db = app.Database.CreateContext())
        {
            // Into the applicant's document store, as any issued result.
            Assert.True(await db.StoredDocuments.AnyAsync(d => d.IssuedDocumentId == result.Id));
        }

        Assert.Empty((await WorkspaceApi.DossierAsync(leader, dossier.Id)).GetProperty("signatures").EnumerateArray());
    }

    [Fact]
    public async Task A_refusal_on_the_device_fails_with_its_reason_and_only_the_signer_signs_again_which_issues_the_result_once()
    {
        var (dossier, pending) = await ApprovedByRemoteLeaderAsync();
        Simulator.Deny(pending.TransactionId, "Sai nội dung");
        Assert.Equal(0, await CompleteAsync());

        var failed = await PendingAsync(dossier.Id);
        Assert.Equal(PendingSignatureState.Failed, failed.State);
        Assert.Contains("từ chối ký số", failed.FailureReason);
        Assert.Contains("Sai nội dung", failed.FailureReason);
        Assert.False(await AnyResultAsync(dossier.Id));
        var leaderId = pending.SignerUserId.ToString();
        await AssertJournaledAsync(dossier, JournalKind.RemoteSigningFailed, leaderId, "Người ký từ chối ký số trên thiết bị");

        var leader = await app.CreateBearerClientAsync(DemoAccounts.LeaderSgtvt);
        var signature = Assert.Single((await WorkspaceApi.DossierAsync(leader, dossier.Id)).GetProperty("signatures").EnumerateArray());
        Assert.Equal("Failed", signature.GetProperty("state").GetString());
        Assert.Contains("Sai nội dung", signature.GetProperty("failureReason").GetString());
        Assert.True(signature.GetProperty("canResign").GetBoolean());
        var page = app.CreateClient();
        await page.SignInAsync(DemoAccounts.LeaderSgtvt);
        var html = await page.GetStringAsync($"/Workspace/Dossier/{dossier.Id}");
        Assert.Contains("Ký lại", html);
        Assert.Contains("Sai nội dung", html);

        // Another official of the agency may not sign in the leader's name.
        var counter = await app.CreateBearerClientAsync(DemoAccounts.ReceptionSgtvt);
        var refused = await counter.PostAsync(ResignUrl(dossier.Id, failed.Id), null);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Chỉ cán bộ ký văn bản này", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        // "Ký lại" from the page: a new request, waiting again.
        var form = await page.FormAsync($"/Workspace/Dossier/{dossier.Id}", "form[action*='handler=Resign']");
        var posted = await page.PostAsync(form.Action, form.Content());
        Assert.True(posted.IsSuccessStatusCode || posted.StatusCode == HttpStatusCode.Redirect, posted.StatusCode.ToString());
        var again = await PendingAsync(dossier.Id);
        Assert.Equal(PendingSignatureState.Pending, again.State);
        Assert.Equal(2, again.Attempts);
        Assert.NotEqual(pending.TransactionId, again.TransactionId);
        Assert.Null(again.FailureReason);
        await AssertJournaledAsync(dossier, JournalKind.RemoteSigningRetried, leaderId, "Ký lại: yêu cầu ký số từ xa lần 2");

        // A second "Ký lại" while it waits is refused (API, ProblemDetails).
        var twice = await leader.PostAsync(ResignUrl(dossier.Id, again.Id), null);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);

        Simulator.Confirm(again.TransactionId);
        Assert.Equal(1, await CompleteWhenDueAsync());
        var result = await ResultAsync(dossier.Id);
        Assert.Equal(pending.DocumentId, result.Id);
        var signatures = PdfSig.Run(result.Content);
        PdfSig.AssertValid(signatures[0], await NameOfAsync(DemoAccounts.LeaderSgtvt));
        PdfSig.AssertValid(signatures[1], Agency);
        Assert.Equal(PendingSignatureState.Completed, (await PendingAsync(dossier.Id)).State);
        await AssertJournaledAsync(dossier, JournalKind.RemoteSigningCompleted, leaderId, "Đã xác nhận ký số từ xa trên thiết bị");
    }

    [Fact]
    public async Task An_expired_request_shows_its_reason_issues_nothing_and_the_signer_signs_again()
    {
        var (dossier, pending) = await ApprovedByRemoteLeaderAsync();

        // Nobody confirms on the device: past Signing:Remote:ExpiresMinutes the CA reports the request expired.
        app.Clock.Shift(TimeSpan.FromMinutes(11));
        try
        {
            Assert.Equal(0, await CompleteAsync());
        }
        finally
        {
            app.Clock.Shift(TimeSpan.FromMinutes(-11));
        }

        var failed = await PendingAsync(dossier.Id);
        Assert.Equal(PendingSignatureState.Failed, failed.State);
        Assert.Contains("đã hết hạn mà người ký chưa xác nhận", failed.FailureReason);
        Assert.False(await AnyResultAsync(dossier.Id));
        await AssertJournaledAsync(dossier, JournalKind.RemoteSigningFailed, null, "hết hạn");

        // The signer sees why and "Ký lại"; the applicant still has nothing to download.
        var page = await SignedInAsync(DemoAccounts.LeaderSgtvt);
        var html = await page.GetStringAsync($"/Workspace/Dossier/{dossier.Id}");
        Assert.Contains("Ký số không thành công", html);
        Assert.Contains("đã hết hạn mà người ký chưa xác nhận", html);
        Assert.Contains("Ký lại", html);
        var citizen = await app.CreateBearerClientAsync(DemoAccounts.Citizen);
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync($"/api/v1/dossiers/{dossier.Id}/documents/{pending.DocumentId}")).StatusCode);

        var form = await page.FormAsync($"/Workspace/Dossier/{dossier.Id}", "form[action*='handler=Resign']");
        var posted = await page.PostAsync(form.Action, form.Content());
        Assert.True(posted.IsSuccessStatusCode || posted.StatusCode == HttpStatusCode.Redirect, posted.StatusCode.ToString());
        var again = await PendingAsync(dossier.Id);
        Assert.Equal(PendingSignatureState.Pending, again.State);
        Simulator.Confirm(again.TransactionId);
        Assert.Equal(1, await CompleteWhenDueAsync());
        Assert.Equal(pending.DocumentId, (await ResultAsync(dossier.Id)).Id);
    }

    [Fact]
    public async Task Two_completions_at_once_issue_the_document_once_and_a_redelivered_effect_makes_no_second_request()
    {
        var (dossier, pending) = await ApprovedByRemoteLeaderAsync();
        var requests = Simulator.Requests.Count;

        // The outbox delivers the same effect again (e.g. after a crash before it was marked delivered): nothing new is asked or stored.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var issuer = scope.ServiceProvider.GetRequiredService<OneStop.Infrastructure.Documents.DocumentIssuer>();
            Assert.Null(await issuer.IssueOrDeferAsync(new OneStop.Infrastructure.Documents.IssueRequest(dossier.Code!, "result")
            {
                IssuedBy = pending.SignerUserId.ToString(),
                SourceKey = pending.SourceKey,
            }));
        }

        Assert.Equal(requests, Simulator.Requests.Count);
        Simulator.Confirm(pending.TransactionId);
        var both = await Task.WhenAll(CompleteAsync(), CompleteAsync());
        Assert.True(both.Sum() >= 1);

        await using var db = app.Database.CreateContext();
        Assert.Equal(1, await db.IssuedDocuments.CountAsync(d => d.DossierId == dossier.Id && d.Kind == "result"));
        Assert.Equal(1, await db.PendingSignatures.CountAsync(p => p.DossierId == dossier.Id));
        Assert.Equal(PendingSignatureState.Completed, (await db.PendingSignatures.SingleAsync(p => p.DossierId == dossier.Id)).State);
    }

    public static TheoryData<string> CaFailures => ["refused", "timeout", "io"];

    [Theory]
    [MemberData(nameof(CaFailures))]
    public async Task A_remote_account_is_not_assigned_while_the_CAs_service_does_not_answer_and_the_administrator_is_told_so(string failure)
    {
        var leaderId = await new DossierScenario(app.Services).UserIdAsync("lanhdao.stp@demo.onestop.vn");
        await using var scope = app.Services.CreateAsyncScope();
        var credentials = scope.ServiceProvider.GetRequiredService<SigningCredentials>();
        var before = (await credentials.FindAsync(SigningOwner.Official, leaderId))?.Id;

        Exception Failure() => failure switch
        {
            "refused" => new HttpRequestException("Connection refused"),
            "timeout" => new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout", new TimeoutException()),
            _ => new IOException("The response ended prematurely."),
        };
        var refused = await Assert.ThrowsAsync<OneStop.Core.Common.DomainException>(() =>
            credentials.AssignRemoteAsync(leaderId, "lanhdao-stp", new UnansweringCa(_ => Failure()), assignedBy: null));

        Assert.Equal("signing.remote_unavailable", refused.Code);
        Assert.Contains("thử lại sau", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, (await credentials.FindAsync(SigningOwner.Official, leaderId))?.Id);
    }

    [Fact]
    public async Task The_callers_own_cancellation_while_the_CA_is_asked_stays_a_cancellation()
    {
        var leaderId = await new DossierScenario(app.Services).UserIdAsync("lanhdao.stp@demo.onestop.vn");
        await using var scope = app.Services.CreateAsyncScope();
        var credentials = scope.ServiceProvider.GetRequiredService<SigningCredentials>();
        using var request = new CancellationTokenSource();

        var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => credentials.AssignRemoteAsync(leaderId, "lanhdao-stp",
            new UnansweringCa(token =>
            {
                request.Cancel();
                return new TaskCanceledException("The request was aborted", null, request.Token);
            }), assignedBy: null, request.Token));

        Assert.IsNotType<OneStop.Core.Common.DomainException>(cancelled);
    }

    /// <summary>A CA whose every call fails as <c>failure</c> says.</summary>
    private sealed class UnansweringCa(Func<CancellationToken, Exception> failure) : IRemoteSigningService
    {
        public Task<OneStop.Documents.Signing.SignerCertificate> GetCertificateAsync(string signerAccount, CancellationToken cancellationToken) =>
            Task.FromException<OneStop.Documents.Signing.SignerCertificate>(failure(cancellationToken));

        public Task<string> SubmitAsync(RemoteSigningRequest request, CancellationToken cancellationToken) =>
            Task.FromException<string>(failure(cancellationToken));

        public Task<RemoteSigningStatus> GetStatusAsync(string transactionId, CancellationToken cancellationToken) =>
            Task.FromException<RemoteSigningStatus>(failure(cancellationToken));
    }

    [Fact]
    public async Task The_counter_cannot_hand_over_a_result_still_being_signed()
    {
        const string leaderEmail = "lanhdao.stp@demo.onestop.vn";
        var leaderId = await new DossierScenario(app.Services).UserIdAsync(leaderEmail);
        using var ca = DevelopmentCertificateAuthority.Create("CA ký số từ xa thử nghiệm");
        using var certificate = ca.IssuePerson(await NameOfAsync(leaderEmail), "Sở Tư pháp");
        Simulator.AddAccount("lanhdao-stp", ca.ExportPkcs12(certificate, "mk"), "mk");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SigningCredentials>().AssignRemoteAsync(leaderId, "lanhdao-stp", Simulator, assignedBy: null);
        }

        var dossier = await new DossierScenario(app.Services).SubmitCriminalRecordAsync();
        var counter = await SignedInAsync("tiepnhan.stp@demo.onestop.vn");
        await counter.ActAsync(dossier.Id, "accept");
        await (await SignedInAsync("chuyenvien.hctp.stp@demo.onestop.vn")).ActAsync(dossier.Id, "sendToPolice");
        await new DossierScenario(app.Services).DeliverEffectsAsync();
        await (await SignedInAsync("chuyenvien.pv06.ca-tinh@demo.onestop.vn")).ActAsync(dossier.Id, "reply",
            file: ("tra-cuu.pdf", OfficialPages.Pdf));
        Assert.Equal("message: Đã thực hiện: Ký phát hành.", await (await SignedInAsync(leaderEmail)).ActAsync(dossier.Id, "approve"));
        await new DossierScenario(app.Services).DeliverEffectsAsync();
        await CompleteAsync(); // sends the committed request to the device
        var pending = await PendingAsync(dossier.Id);

        var fields = new Dictionary<string, string> { ["HandoverMethod"] = "Counter", ["ReceivedBy"] = "Nguyễn Văn An" };
        Assert.StartsWith("error: Kết quả của hồ sơ đang chờ ký số", await counter.ActAsync(dossier.Id, "returnResult", fields), StringComparison.Ordinal);

        Simulator.Confirm(pending.TransactionId);
        Assert.Equal(1, await CompleteWhenDueAsync());
        Assert.Equal("message: Đã thực hiện: Trả kết quả.", await counter.ActAsync(dossier.Id, "returnResult", fields));
    }

    [Fact]
    public async Task An_administrator_gives_an_official_a_remote_account_which_replaces_their_certificate_and_an_unknown_account_is_refused()
    {
        var official = await new DossierScenario(app.Services).UserIdAsync("tiepnhan.sxd@demo.onestop.vn");
        using var ca = DevelopmentCertificateAuthority.Create("CA ký số từ xa thử nghiệm");
        using var certificate = ca.IssuePerson("Cán Bộ Ký Từ Xa", "Sở Xây dựng");
        Simulator.AddAccount("cb-sxd-01", ca.ExportPkcs12(certificate, "mk"), "mk");
        var admin = app.CreateClient();
        await admin.SignInAsync(DemoAccounts.Admin);

        var unknown = await AssignAsync(admin, official, "khong-ton-tai");
        Assert.Contains("không có chứng thư số", unknown);
        var page = await AssignAsync(admin, official, "cb-sxd-01");
        Assert.Contains("Đã gán tài khoản ký số từ xa cho Cán Bộ Ký Từ Xa", page);
        Assert.Contains("Ký số từ xa · tài khoản cb-sxd-01", page);

        await using var db = app.Database.CreateContext();
        var all = await db.SigningCredentials.Where(c => c.UserId == official).ToListAsync();
        var current = Assert.Single(all, c => c.RevokedAt == null);
        Assert.Equal(SigningCredentialKind.Remote, current.Kind);
        Assert.Equal("cb-sxd-01", current.RemoteAccount);
        Assert.Equal("Cán Bộ Ký Từ Xa", current.SignerName);
        Assert.Empty(current.ProtectedKey);
        Assert.Contains(all, c => c.RevokedAt != null && c.Kind == SigningCredentialKind.Pkcs12);
    }

    [Fact]
    public async Task A_fresh_demo_install_offers_each_demo_official_a_simulator_account_that_signs_with_their_demo_certificate()
    {
        // Nothing added to the simulator by the test: the account comes from the demo seed's certificate of the leader.
        const string leaderEmail = "lanhdao.sxd@demo.onestop.vn";
        const string account = "demo-lanhdao.sxd";
        var leader = await new DossierScenario(app.Services).UserIdAsync(leaderEmail);
        string demoThumbprint;
        await using (var db = app.Database.CreateContext())
        {
            var seeded = await db.SigningCredentials.SingleAsync(c => c.UserId == leader && c.RevokedAt == null);
            Assert.True(seeded.Demo);
            demoThumbprint = seeded.Thumbprint;
        }

        var admin = app.CreateClient();
        await admin.SignInAsync(DemoAccounts.Admin);
        var console = await admin.GetStringAsync("/Admin/Signing");
        Assert.Contains("Tài khoản mô phỏng (dữ liệu mẫu): <code>" + account + "</code>", console);
        Assert.Contains("không có chứng thư số", await AssignAsync(admin, leader, "demo-khong-ton-tai"));

        var page = await AssignAsync(admin, leader, account);
        Assert.Contains("Ký số từ xa · tài khoản " + account, page);
        await using (var db = app.Database.CreateContext())
        {
            var current = await db.SigningCredentials.SingleAsync(c => c.UserId == leader && c.RevokedAt == null);
            Assert.Equal(SigningCredentialKind.Remote, current.Kind);
            Assert.Equal(account, current.RemoteAccount);
            Assert.Equal(demoThumbprint, current.Thumbprint);
        }

        // The simulated device signs with the demo key: a confirmed request's signature verifies with the certificate.
        var certificate = await Simulator.GetCertificateAsync(account, CancellationToken.None);
        var digest = System.Security.Cryptography.SHA256.HashData("OneStop"u8);
        var id = await Simulator.SubmitAsync(new RemoteSigningRequest(account, digest, digest, "OneStop: thử ký số"), CancellationToken.None);
        Simulator.Confirm(id);
        var status = await Simulator.GetStatusAsync(id, CancellationToken.None);
        Assert.Equal(RemoteSigningState.Signed, status.State);
        using var publicKey = System.Security.Cryptography.X509Certificates.RSACertificateExtensions.GetRSAPublicKey(certificate.Certificate)!;
        Assert.True(publicKey.VerifyHash(digest, status.Signature!.RawSignature!, System.Security.Cryptography.HashAlgorithmName.SHA256,
            System.Security.Cryptography.RSASignaturePadding.Pkcs1));
    }

    /// <summary>
    /// One journal entry of the kind on the dossier, by the actor (null: the system), and its audit line: who, the dossier, the fixed text,
    /// never the CA's message (the test's refusal reason "Sai nội dung") nor the account.
    /// </summary>
    private async Task AssertJournaledAsync(Dossier dossier, JournalKind kind, string? actorId, string text)
    {
        await using var db = app.Database.CreateContext();
        var entry = Assert.Single(await db.WorkflowJournal.Where(j => j.DossierCode == dossier.Code && j.Kind == kind).ToListAsync());
        Assert.Equal(actorId, entry.ActorId);
        Assert.Contains(text, entry.Comment);
        Assert.Equal(new[] { "result" }, entry.Documents);
        var action = "dossier." + char.ToLowerInvariant(kind.ToString()[0]) + kind.ToString()[1..];
        var audit = Assert.Single(await db.AuditLog.Where(a => a.DossierId == dossier.Code && a.Action == action).ToListAsync());
        Assert.Equal(actorId, audit.UserId?.ToString());
        Assert.Contains(text, audit.After);
        Assert.DoesNotContain("Sai nội dung", audit.After);
        Assert.DoesNotContain("lanhdao-sgtvt", audit.After);
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = app.CreateClient();
        await client.SignInAsync(email);
        return client;
    }

    private RemoteSigningSimulator Simulator => app.Services.GetRequiredService<RemoteSigningSimulator>();

    [Fact]
    public async Task The_CA_request_is_sent_only_once_the_waiting_document_is_committed_and_once_with_two_hosts()
    {
        var dossier = await ApprovedAsync();
        var requests = Simulator.Requests.Count;
        var leader = await new DossierScenario(app.Services).UserIdAsync(DemoAccounts.LeaderSgtvt);

        // An issuing whose transaction does not commit (the outbox's commit failed) leaves nothing on the signer's device.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneStop.Infrastructure.Data.OneStopDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var issuer = scope.ServiceProvider.GetRequiredService<OneStop.Infrastructure.Documents.DocumentIssuer>();
            Assert.Null(await issuer.IssueOrDeferAsync(new OneStop.Infrastructure.Documents.IssueRequest(dossier.Code!, "result")
            {
                IssuedBy = leader.ToString(),
                SourceKey = "test:rolled-back",
            }));
            await transaction.RollbackAsync();
        }

        Assert.Equal(requests, Simulator.Requests.Count);
        await using (var db = app.Database.CreateContext())
        {
            Assert.False(await db.PendingSignatures.AnyAsync(p => p.SourceKey == "test:rolled-back"));
        }

        // Delivered and committed: queued, still nothing sent; the officials see it being sent.
        await new DossierScenario(app.Services).DeliverEffectsAsync();
        var queued = await PendingAsync(dossier.Id);
        Assert.Equal(PendingSignatureState.Pending, queued.State);
        Assert.False(queued.IsSent);
        Assert.Equal(requests, Simulator.Requests.Count);
        var official = await app.CreateBearerClientAsync(DemoAccounts.LeaderSgtvt);
        var signature = Assert.Single((await WorkspaceApi.DossierAsync(official, dossier.Id)).GetProperty("signatures").EnumerateArray());
        Assert.Equal("Đang gửi yêu cầu ký số đến thiết bị", signature.GetProperty("stateText").GetString());

        // Two hosts' completions at once: one request reaches the device, and the document is issued once.
        await Task.WhenAll(CompleteAsync(), CompleteAsync());
        Assert.Equal(requests + 1, Simulator.Requests.Count);
        var sent = await PendingAsync(dossier.Id);
        Assert.True(sent.IsSent);
        Assert.Equal(sent.TransactionId, Simulator.Requests[^1].Id);
        Simulator.Confirm(sent.TransactionId);
        Assert.Equal(1, await CompleteWhenDueAsync());
        await using var check = app.Database.CreateContext();
        Assert.Equal(1, await check.IssuedDocuments.CountAsync(d => d.DossierId == dossier.Id && d.Kind == "result"));
        Assert.Equal(requests + 1, Simulator.Requests.Count);
    }

    [Fact]
    public async Task What_a_remote_signer_issues_himself_waits_for_the_device_without_holding_the_request_and_is_issued_once_confirmed()
    {
        await GiveLeaderRemoteAccountAsync();
        var scenario = new DossierScenario(app.Services);
        var dossier = await scenario.SubmitDrivingLicenceAsync();
        await WorkspaceApi.ActAsync(await app.CreateBearerClientAsync(DemoAccounts.ReceptionSgtvt), dossier.Id, "accept", "Hồ sơ đầy đủ");
        await scenario.DeliverEffectsAsync();
        var leader = await app.CreateBearerClientAsync(DemoAccounts.LeaderSgtvt);
        var leaderId = (await scenario.UserIdAsync(DemoAccounts.LeaderSgtvt)).ToString();
        var newDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30));

        // The apology: the new date and the journal entry stand at once, the letter waits, and its request is already on the device.
        var requests = Simulator.Requests.Count;
        var apology = await leader.PostAsJsonAsync($"/api/v1/workspace/dossiers/{dossier.Id}/apology",
            new { newDate, reason = "Chờ kết quả xác minh của Công an tỉnh" });
        Assert.Equal(HttpStatusCode.OK, apology.StatusCode);
        Assert.Contains("đang chờ ký số", (await apology.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());
        Assert.Equal(requests + 1, Simulator.Requests.Count);
        var letter = await WaitingAsync(dossier.Id, "apology");
        Assert.True(letter.IsSent);
        Assert.Equal(letter.TransactionId, Simulator.Requests[^1].Id);
        Assert.False(await IssuedAsync(dossier.Id, "apology"));
        await using (var db = app.Database.CreateContext())
        {
            Assert.NotNull((await db.Dossiers.SingleAsync(d => d.Id == dossier.Id)).NewDueAt);
        }

        Assert.Equal(0, await CompleteAsync());
        Simulator.Confirm(letter.TransactionId);
        Assert.Equal(1, await CompleteWhenDueAsync());
        var issuedLetter = await DocumentAsync(dossier.Id, "apology");
        Assert.Equal(letter.DocumentId, issuedLetter.Id);
        var signatures = PdfSig.Run(issuedLetter.Content);
        PdfSig.AssertValid(signatures[0], await NameOfAsync(DemoAccounts.LeaderSgtvt));
        PdfSig.AssertValid(signatures[1], Agency);
        var citizen = await app.CreateBearerClientAsync(DemoAccounts.Citizen);
        Assert.Equal(HttpStatusCode.OK, (await citizen.GetAsync($"/api/v1/dossiers/{dossier.Id}/documents/{issuedLetter.Id}")).StatusCode);

        // The control slip through the API: 202 with the id the document will have, then issued once confirmed.
        requests = Simulator.Requests.Count;
        var slip = await leader.PostAsJsonAsync($"/api/v1/dossiers/{dossier.Id}/documents", new { kind = "controlSlip" });
        Assert.Equal(HttpStatusCode.Accepted, slip.StatusCode);
        var slipBody = await slip.Content.ReadFromJsonAsync<JsonElement>();
        var waitingSlip = await WaitingAsync(dossier.Id, "controlSlip");
        Assert.Equal(waitingSlip.Id, slipBody.GetProperty("signatureId").GetGuid());
        Assert.Equal(waitingSlip.DocumentId, slipBody.GetProperty("documentId").GetGuid());
        Assert.Contains("đang chờ ký số", slipBody.GetProperty("message").GetString());
        Assert.Equal(requests + 1, Simulator.Requests.Count);
        var signature = Assert.Single((await WorkspaceApi.DossierAsync(leader, dossier.Id)).GetProperty("signatures").EnumerateArray());
        Assert.Equal("Chờ ký số trên thiết bị", signature.GetProperty("stateText").GetString());
        Simulator.Confirm(waitingSlip.TransactionId);
        Assert.Equal(1, await CompleteWhenDueAsync());
        Assert.Equal(waitingSlip.DocumentId, (await DocumentAsync(dossier.Id, "controlSlip")).Id);

        // A correction of the letter waits too; a second one is refused while it does, and the issued one names the letter it replaces.
        var correction = await leader.PostAsJsonAsync($"/api/v1/dossiers/{dossier.Id}/documents",
            new { kind = "apology", replaces = issuedLetter.Id, comment = "Sửa lý do chậm trả" });
        Assert.Equal(HttpStatusCode.Accepted, correction.StatusCode);
        Assert.Equal(issuedLetter.Id, (await correction.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("replaces").GetGuid());
        var twice = await leader.PostAsJsonAsync($"/api/v1/dossiers/{dossier.Id}/documents",
            new { kind = "apology", replaces = issuedLetter.Id, comment = "Sửa lần nữa" });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("application/problem+json", twice.Content.Headers.ContentType?.MediaType);
        Assert.Contains("đang chờ ký số", (await twice.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        var waitingCorrection = await WaitingAsync(dossier.Id, "apology");
        Simulator.Confirm(waitingCorrection.TransactionId);
        Assert.Equal(1, await CompleteWhenDueAsync());
        await using (var db = app.Database.CreateContext())
        {
            var corrected = await db.IssuedDocuments.SingleAsync(d => d.Id == waitingCorrection.DocumentId);
            Assert.Equal(issuedLetter.Id, corrected.ReplacesId);
            Assert.Equal(2, await db.IssuedDocuments.CountAsync(d => d.DossierId == dossier.Id && d.Kind == "apology"));
            Assert.Equal(3, await db.WorkflowJournal.CountAsync(j => j.DossierCode == dossier.Code && j.Kind == JournalKind.RemoteSigningCompleted
                && j.ActorId == leaderId));
        }

        Assert.Empty((await WorkspaceApi.DossierAsync(leader, dossier.Id)).GetProperty("signatures").EnumerateArray());
    }

    /// <summary>The document of that kind still waiting for its signature (the latest).</summary>
    private async Task<PendingSignature> WaitingAsync(Guid dossierId, string kind)
    {
        await using var db = app.Database.CreateContext();
        return await db.PendingSignatures.Where(p => p.DossierId == dossierId && p.Kind == kind && p.State == PendingSignatureState.Pending)
            .OrderByDescending(p => p.CreatedAt).FirstAsync();
    }

    private async Task<bool> IssuedAsync(Guid dossierId, string kind)
    {
        await using var db = app.Database.CreateContext();
        return await db.IssuedDocuments.AnyAsync(d => d.DossierId == dossierId && d.Kind == kind);
    }

    private async Task<Core.Documents.IssuedDocument> DocumentAsync(Guid dossierId, string kind)
    {
        await using var db = app.Database.CreateContext();
        return await db.IssuedDocuments.Where(d => d.DossierId == dossierId && d.Kind == kind).OrderByDescending(d => d.IssuedAt).FirstAsync();
    }

    /// <summary>A driving-licence dossier accepted, reviewed and approved by the leader, whose credential is a remote account; the request sent.</summary>
    private async Task<(Dossier Dossier, PendingSignature Pending)> ApprovedByRemoteLeaderAsync()
    {
        var dossier = await ApprovedAsync();
        await new DossierScenario(app.Services).DeliverEffectsAsync();
        Assert.False(await AnyResultAsync(dossier.Id));
        Assert.False((await PendingAsync(dossier.Id)).IsSent);
        await CompleteAsync(); // the background completion's first round sends the committed request
        return (dossier, await PendingAsync(dossier.Id));
    }

    /// <summary>A driving-licence dossier accepted, reviewed and approved by the leader, whose credential is a remote account (effects not delivered).</summary>
    private async Task<Dossier> ApprovedAsync()
    {
        await GiveLeaderRemoteAccountAsync();
        var scenario = new DossierScenario(app.Services);
        var dossier = await scenario.SubmitDrivingLicenceAsync();
        await WorkspaceApi.ActAsync(await app.CreateBearerClientAsync(DemoAccounts.ReceptionSgtvt), dossier.Id, "accept", "Hồ sơ đầy đủ");
        var specialist = await app.CreateBearerClientAsync(DemoAccounts.SpecialistSgtvt);
        var review = await WorkspaceApi.DossierAsync(specialist, dossier.Id);
        (await specialist.PostAsync($"/api/v1/workspace/dossiers/{dossier.Id}/tasks/{review.GetProperty("tasks")[0].GetProperty("taskId").GetString()}/claim", null))
            .EnsureSuccessStatusCode();
        await WorkspaceApi.ActAsync(specialist, dossier.Id, "submit", "Đồng ý");
        await WorkspaceApi.ActAsync(await app.CreateBearerClientAsync(DemoAccounts.LeaderSgtvt), dossier.Id, "approve", "Đồng ý");
        return dossier;
    }

    private async Task GiveLeaderRemoteAccountAsync()
    {
        var leader = await new DossierScenario(app.Services).UserIdAsync(DemoAccounts.LeaderSgtvt);
        await using var scope = app.Services.CreateAsyncScope();
        var credentials = scope.ServiceProvider.GetRequiredService<SigningCredentials>();
        if (await credentials.FindAsync(SigningOwner.Official, leader) is { Kind: SigningCredentialKind.Remote })
        {
            return;
        }

        using var ca = DevelopmentCertificateAuthority.Create("CA ký số từ xa thử nghiệm");
        using var certificate = ca.IssuePerson(await NameOfAsync(DemoAccounts.LeaderSgtvt), Agency);
        Simulator.AddAccount("lanhdao-sgtvt", ca.ExportPkcs12(certificate, "mk"), "mk");
        await credentials.AssignRemoteAsync(leader, "lanhdao-sgtvt", Simulator, assignedBy: null);
    }

    private async Task<int> CompleteAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RemoteSignatures>().CompleteDueAsync();
    }

    /// <summary>Completes as the background service does: the request is asked about again once its next check is due (every PollSeconds).</summary>
    private async Task<int> CompleteWhenDueAsync()
    {
        for (var i = 0; i < 50; i++)
        {
            if (await CompleteAsync() is > 0 and var issued)
            {
                return issued;
            }

            await Task.Delay(200);
        }

        return 0;
    }

    private async Task<PendingSignature> PendingAsync(Guid dossierId)
    {
        await using var db = app.Database.CreateContext();
        return await db.PendingSignatures.SingleAsync(p => p.DossierId == dossierId);
    }

    private async Task<bool> AnyResultAsync(Guid dossierId)
    {
        await using var db = app.Database.CreateContext();
        return await db.IssuedDocuments.AnyAsync(d => d.DossierId == dossierId && d.Kind == "result");
    }

    private async Task<Core.Documents.IssuedDocument> ResultAsync(Guid dossierId)
    {
        await using var db = app.Database.CreateContext();
        return await db.IssuedDocuments.SingleAsync(d => d.DossierId == dossierId && d.Kind == "result");
    }

    private async Task<string> NameOfAsync(string email)
    {
        await using var db = app.Database.CreateContext();
        return await db.Users.Where(u => u.Email == email).Select(u => u.FullName).SingleAsync();
    }

    private static string ResignUrl(Guid dossierId, Guid signatureId) => $"/api/v1/workspace/dossiers/{dossierId}/signatures/{signatureId}/resign";

    private static async Task<string> AssignAsync(HttpClient admin, Guid official, string account)
    {
        var form = await admin.FormAsync("/Admin/Signing", $"form[action*='handler=Remote'][action*='{official}']");
        var response = await admin.PostAsync(form.Action, form.Set("account", account).Content());
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
}

/// <summary>Signing on, background processing on, and a simulator that confirms at once: the hosted services do everything.</summary>
public sealed class BackgroundRemoteSigningAppFactory : OneStopAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Signing:Enabled"] = "true",
            ["Signing:Remote:Simulator"] = "true",
            ["Signing:Remote:SimulatorAutoConfirmSeconds"] = "0",
            ["Signing:Remote:PollSeconds"] = "1",
            ["Workflows:BackgroundProcessing"] = "true",
            ["Workflows:PollSeconds"] = "1",
        }));
    }
}

/// <summary>The hosted completion service, started with the application, issues the remotely signed result by itself.</summary>
public sealed class BackgroundRemoteSigningTests(BackgroundRemoteSigningAppFactory app) : IClassFixture<BackgroundRemoteSigningAppFactory>
{
    [Fact]
    public async Task The_background_service_issues_the_result_once_the_leader_confirmed()
    {
        var leader = await new DossierScenario(app.Services).UserIdAsync(DemoAccounts.LeaderSgtvt);
        var simulator = app.Services.GetRequiredService<RemoteSigningSimulator>();
        string name;
        await using (var db = app.Database.CreateContext())
        {
            name = await db.Users.Where(u => u.Id == leader).Select(u => u.FullName).SingleAsync();
        }

        using var ca = DevelopmentCertificateAuthority.Create("CA ký số từ xa thử nghiệm");
        using var certificate = ca.IssuePerson(name, "Sở Giao thông vận tải");
        simulator.AddAccount("lanhdao-sgtvt", ca.ExportPkcs12(certificate, "mk"), "mk");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SigningCredentials>().AssignRemoteAsync(leader, "lanhdao-sgtvt", simulator, assignedBy: null);
        }

        var dossier = await new DossierScenario(app.Services).SubmitDrivingLicenceAsync();
        await WorkspaceApi.ActAsync(await app.CreateBearerClientAsync(DemoAccounts.ReceptionSgtvt), dossier.Id, "accept", "Hồ sơ đầy đủ");
        var specialist = await app.CreateBearerClientAsync(DemoAccounts.SpecialistSgtvt);
        var review = await WorkspaceApi.DossierAsync(specialist, dossier.Id);
        (await specialist.PostAsync($"/api/v1/workspace/dossiers/{dossier.Id}/tasks/{review.GetProperty("tasks")[0].GetProperty("taskId").GetString()}/claim", null))
            .EnsureSuccessStatusCode();
        await WorkspaceApi.ActAsync(specialist, dossier.Id, "submit", "Đồng ý");
        await WorkspaceApi.ActAsync(await app.CreateBearerClientAsync(DemoAccounts.LeaderSgtvt), dossier.Id, "approve", "Đồng ý");

        Core.Documents.IssuedDocument? result = null;
        for (var i = 0; i < 120 && result is null; i++)
        {
            await Task.Delay(250);
            await using var db = app.Database.CreateContext();
            result = await db.IssuedDocuments.SingleOrDefaultAsync(d => d.DossierId == dossier.Id && d.Kind == "result");
        }

        Assert.NotNull(result);
        var signatures = PdfSig.Run(result.Content);
        Assert.Equal(2, signatures.Count);
        PdfSig.AssertValid(signatures[0], name);
        PdfSig.AssertValid(signatures[1], "Sở Giao thông vận tải");
        await using var check = app.Database.CreateContext();
        Assert.Equal(PendingSignatureState.Completed, (await check.PendingSignatures.SingleAsync(p => p.DossierId == dossier.Id)).State);
    }
}

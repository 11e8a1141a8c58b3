using System.Collections.Concurrent;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Core.Documents;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Files;
using OneStop.Infrastructure.Signing;
using OneStop.IntegrationTests.Workspace;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Security;

/// <summary>Who a security test acts as: each role, and for ownership checks another citizen and an official of another agency.</summary>
public enum Persona
{
    Anonymous,
    Citizen,
    Reception,
    Specialist,
    Leader,
    Admin,
    OtherCitizen,
    OtherAgency,
}

/// <summary>
/// The app with one prepared driving-licence dossier of Sở GTVT (applicant: the demo citizen; accepted at the counter, at the
/// specialist's step of Phòng QLPT; one issued document and one attachment) and a signed-in cookie client per persona.
/// </summary>
public class PreparedDossierApp : OneStopAppFactory
{
    private readonly ConcurrentDictionary<Persona, Lazy<Task<HttpClient>>> _clients = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Scenario? _scenario;

    /// <param name="TaskId">The open task (the specialist's review step of Phòng QLPT).</param>
    /// <param name="SignatureId">A document of the dossier whose remote signature by the leader (lanhdao.sgtvt) failed: they may "Ký lại".</param>
    public sealed record Scenario(Dossier Dossier, Guid DocumentId, string VerificationCode, Guid AttachmentId, Guid TaskId, Guid StoredDocumentId,
        Guid DeletableStoredDocumentId, Guid SignatureId);

    public Task<HttpClient> ClientAsync(Persona persona) => _clients.GetOrAdd(persona, p => new Lazy<Task<HttpClient>>(async () =>
    {
        var client = CreateClient(new() { AllowAutoRedirect = false });
        if (p != Persona.Anonymous)
        {
            var signedIn = await client.SignInAsync(Account(p));
            Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect,
                $"Signing in as {p} answered {(int)signedIn.StatusCode}, not a redirect. The host's errors:\n{ServerErrors}");
        }

        return client;
    })).Value;

    public async Task<Scenario> ScenarioAsync()
    {
        await _gate.WaitAsync();
        try
        {
            return _scenario ??= await PrepareAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A value for each route parameter, from the prepared dossier; a new parameter name needs a line here.</summary>
    public static string RouteValue(string route, string name, Scenario s) => name switch
    {
        "id" when route.StartsWith("/api/v1/admin/workflows", StringComparison.Ordinal) => "driving-licence-renewal",
        // The citizen's own store documents: one to read, another to delete (a delete must not take away what the read needs).
        "id" when route == "/api/v1/store/{id:guid}" => s.DeletableStoredDocumentId.ToString(),
        "id" when route.StartsWith("/api/v1/store/", StringComparison.Ordinal) => s.StoredDocumentId.ToString(),
        "version" => "1",
        "code" when route.Contains("lookup", StringComparison.Ordinal) => s.Dossier.Code!,
        "code" => "1.002804",
        "id" => s.Dossier.Id.ToString(),
        "documentId" => s.DocumentId.ToString(),
        "attachmentId" => s.AttachmentId.ToString(),
        "storedDocumentId" => s.StoredDocumentId.ToString(),
        "taskId" => s.TaskId.ToString(),
        "signatureId" => s.SignatureId.ToString(),
        "actionId" => "submit",
        "key" => s.VerificationCode,
        "documentName" => "v1",
        "path" => "khong-co-tep.txt",
        _ => throw new InvalidOperationException(
            $"No value for the route parameter {{{name}}} of {route}: add one in PreparedDossierApp.RouteValue (tests/OneStop.IntegrationTests/Security)."),
    };

    private async Task<Scenario> PrepareAsync()
    {
        var scenario = new DossierScenario(Services);
        var dossier = await scenario.SubmitDrivingLicenceAsync();
        await scenario.ActAsync(dossier, "accept", DemoAccounts.ReceptionSgtvt, "Reception", "MOTCUA");
        await scenario.DeliverEffectsAsync();
        await using var scope = Services.CreateAsyncScope();
        var hash = await scope.ServiceProvider.GetRequiredService<IFileStore>().SaveAsync(OfficialPages.Pdf);
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var attachment = new DossierAttachment(dossier.Id, "GIAY-TO", "giay-to.pdf", "application/pdf", OfficialPages.Pdf.Length, hash,
            DateTimeOffset.UtcNow, dossier.ApplicantUserId);
        db.DossierAttachments.Add(attachment);
        // A certified copy enters a store once per attachment: two attachments give the citizen two stored documents.
        var second = new DossierAttachment(dossier.Id, "GIAY-TO", "giay-to-2.pdf", "application/pdf", OfficialPages.Pdf.Length, hash,
            DateTimeOffset.UtcNow, dossier.ApplicantUserId);
        db.DossierAttachments.Add(second);
        var stored = new[] { attachment, second }.Select(a => StoredDocument.FromCertifiedCopy(dossier.ApplicantUserId!.Value, a.Id, "Giấy tờ",
            a.FileName, "application/pdf", OfficialPages.Pdf.Length, hash, dossier.Id, dossier.Code!, "Sở Giao thông vận tải", DateTimeOffset.UtcNow)).ToList();
        db.StoredDocuments.AddRange(stored);
        await db.SaveChangesAsync();
        var document = await db.IssuedDocuments.Where(d => d.DossierId == dossier.Id).Select(d => new { d.Id, d.VerificationCode }).FirstAsync();
        var task = await db.WorkflowTasks.Where(t => t.DossierCode == dossier.Code).Select(t => t.Id).SingleAsync();

        // A result whose remote signature the leader refused on their device: only they may sign it again.
        var leader = await db.Users.Where(u => u.Email == DemoAccounts.LeaderSgtvt).Select(u => u.Id).SingleAsync();
        var credential = await db.SigningCredentials.Where(c => c.UserId == leader && c.RevokedAt == null).Select(c => c.Id).SingleAsync();
        var now = DateTimeOffset.UtcNow;
        var signature = new PendingSignature(Guid.NewGuid(), dossier.Id, dossier.AgencyId, "result", "Kết quả giải quyết", $"{dossier.Code}/KQ", "MATRIX-KQ",
            $"{dossier.Code}-result.pdf", 1, leader.ToString(), null, null, leader, OfficialPages.Pdf, "[]", now);
        signature.Submitted(credential, "{}", "matrix-transaction", now, now.AddMinutes(10));
        signature.Fail("Người ký đã từ chối ký số trên thiết bị; văn bản chưa được phát hành. Có thể ký lại.", now);
        db.PendingSignatures.Add(signature);
        await db.SaveChangesAsync();
        return new Scenario(dossier, document.Id, document.VerificationCode, attachment.Id, task, stored[0].Id, stored[1].Id, signature.Id);
    }

    internal static string Account(Persona persona) => persona switch
    {
        Persona.Citizen => DemoAccounts.Citizen,
        Persona.Reception => DemoAccounts.ReceptionSgtvt,
        Persona.Specialist => DemoAccounts.SpecialistSgtvt,
        Persona.Leader => DemoAccounts.LeaderSgtvt,
        Persona.Admin => DemoAccounts.Admin,
        Persona.OtherCitizen => "hoang.thi.mai@demo.onestop.vn",
        Persona.OtherAgency => "chuyenvien.hctp.stp@demo.onestop.vn",
        _ => throw new ArgumentOutOfRangeException(nameof(persona)),
    };
}

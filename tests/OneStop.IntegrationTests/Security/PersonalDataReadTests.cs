using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Files;
using OneStop.IntegrationTests.Workspace;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Security;

/// <summary>Officials' reads of personal data are in the audit log (who saw what, Decree 13/2023); the applicant's own reads are not.</summary>
public sealed class PersonalDataReadTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    [Fact]
    public async Task An_officials_view_of_a_dossier_and_downloads_of_its_papers_and_the_register_are_audited()
    {
        var scenario = new DossierScenario(app.Services);
        var dossier = await scenario.SubmitDrivingLicenceAsync();
        await scenario.ActAsync(dossier, "accept", DemoAccounts.ReceptionSgtvt, "Reception", "MOTCUA");
        await scenario.DeliverEffectsAsync();
        var attachment = await AttachAsync(dossier);
        Guid document;
        await using (var db = app.Database.CreateContext())
        {
            document = await db.IssuedDocuments.Where(d => d.DossierId == dossier.Id).Select(d => d.Id).FirstAsync();
        }

        var official = app.CreateClient();
        await official.SignInAsync(DemoAccounts.SpecialistSgtvt);
        Assert.Equal(HttpStatusCode.OK, (await official.GetAsync($"/Workspace/Dossier/{dossier.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await official.GetAsync($"/api/v1/dossiers/{dossier.Id}/documents/{document}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await official.GetAsync($"/api/v1/dossiers/{dossier.Id}/attachments/{attachment}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await official.GetAsync("/api/v1/register?from=2025-01-01&to=2025-01-31&format=csv")).StatusCode);
        var applicant = app.CreateClient();
        await applicant.SignInAsync(DemoAccounts.Citizen);
        Assert.Equal(HttpStatusCode.OK, (await applicant.GetAsync($"/api/v1/dossiers/{dossier.Id}/documents/{document}")).StatusCode);

        await using var check = app.Database.CreateContext();
        var specialist = await scenario.UserIdAsync(DemoAccounts.SpecialistSgtvt);
        var reads = await check.AuditLog.Where(a => a.Action == "dossier.viewed" || a.Action == "document.downloaded"
            || a.Action == "attachment.viewed" || a.Action == "register.viewed").OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["dossier.viewed", "document.downloaded", "attachment.viewed", "register.viewed"], reads.Select(r => r.Action));
        Assert.All(reads, r => Assert.Equal(specialist, r.UserId));
        Assert.All(reads.Take(3), r => Assert.Equal(dossier.Code, r.DossierId));
        Assert.Equal(document.ToString(), reads[1].EntityId);
        Assert.Equal(attachment.ToString(), reads[2].EntityId);
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
}

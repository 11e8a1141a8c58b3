using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Dossiers;
using OneStop.Testing;
using OneStop.Workflows.Runtime;

namespace OneStop.IntegrationTests.Workspace;

public sealed class InterAgencyTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    [Fact]
    public async Task The_police_see_a_criminal_record_dossier_only_while_its_step_is_theirs_and_it_returns_to_the_justice_department()
    {
        var dossier = await SubmitAsync();
        await ActAsync(dossier, "accept", "tiepnhan.stp@demo.onestop.vn");
        var police = app.CreateClient();
        await police.SignInAsync("chuyenvien.pv06.ca-tinh@demo.onestop.vn");
        Assert.Equal(HttpStatusCode.NotFound, (await police.GetAsync($"/Workspace/Dossier/{dossier.Id}")).StatusCode);

        await ActAsync(dossier, "sendToPolice", "chuyenvien.hctp.stp@demo.onestop.vn");
        Assert.Contains(dossier.Code!, await police.GetStringAsync("/Workspace"), StringComparison.Ordinal);
        var page = await police.GetAsync($"/Workspace/Dossier/{dossier.Id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("data-action=\"reply\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await ActAsync(dossier, "reply", "chuyenvien.pv06.ca-tinh@demo.onestop.vn", files: ["ket-qua-tra-cuu.pdf"]);

        Assert.Equal(HttpStatusCode.NotFound, (await police.GetAsync($"/Workspace/Dossier/{dossier.Id}")).StatusCode);
        var leader = app.CreateClient();
        await leader.SignInAsync("lanhdao.stp@demo.onestop.vn");
        Assert.Contains(dossier.Code!, await leader.GetStringAsync("/Workspace"), StringComparison.Ordinal);
        await using var db = app.Database.CreateContext();
        Assert.Equal("approval", (await db.WorkflowTasks.SingleAsync(t => t.DossierCode == dossier.Code)).StepId);
    }

    private async Task<Dossier> SubmitAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStop.Infrastructure.Data.OneStopDbContext>();
        var citizen = await db.Users.Where(u => u.Email == DemoAccounts.Citizen).Select(u => u.Id).SingleAsync();
        return await scope.ServiceProvider.GetRequiredService<DossierIntake>().SubmitAsync(
            new NewDossier("2.000488", null, new Applicant("Nguyễn Văn An", "020090001234", "0912345678", null, "Lạng Sơn"), citizen,
                SubmissionChannel.Online, """{"purpose":"Xin việc","copies":1}"""),
            DossierIntake.Citizen(citizen));
    }

    private Task ActAsync(Dossier dossier, string action, string email, IReadOnlyList<string>? files = null) =>
        new DossierScenario(app.Services).ActAsAsync(dossier, action, email, files);
}

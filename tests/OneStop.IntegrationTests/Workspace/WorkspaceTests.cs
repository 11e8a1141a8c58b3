using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Workspace;

public sealed partial class WorkspaceTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{

    [Fact]
    public async Task The_counter_accepts_from_its_inbox_and_the_dossier_moves_to_the_specialists_inbox()
    {
        var dossier = await new DossierScenario(app.Services).SubmitDrivingLicenceAsync();
        var counter = app.CreateClient();
        await counter.SignInAsync(DemoAccounts.ReceptionSgtvt);

        var inbox = await counter.GetStringAsync("/Workspace?q=nguyen+van+an");
        Assert.Contains(dossier.Code!, inbox, StringComparison.Ordinal);
        var page = await counter.GetStringAsync($"/Workspace/Dossier/{dossier.Id}");
        Assert.Contains("data-action=\"accept\"", page, StringComparison.Ordinal);
        Assert.Contains("200123456789", page, StringComparison.Ordinal);

        var accepted = await PageForm.Parse(page, $"/Workspace/Dossier/{dossier.Id}", "form[data-form=accept]")
            .Set("Comment", "Hồ sơ đầy đủ, hợp lệ").PostAsync(counter);
        var after = await accepted.Content.ReadAsStringAsync();
        Assert.True(after.Contains("Đã thực hiện: Tiếp nhận.", StringComparison.Ordinal), Regex.Match(after, "alert[^<]*<[^<]*").Value);

        var specialist = app.CreateClient();
        await specialist.SignInAsync(DemoAccounts.SpecialistSgtvt);
        Assert.Contains(dossier.Code!, await specialist.GetStringAsync("/Workspace"), StringComparison.Ordinal);
        Assert.DoesNotContain(dossier.Code!, await counter.GetStringAsync("/Workspace"), StringComparison.Ordinal);
        await using var db = app.Database.CreateContext();
        Assert.Equal("InProgress", (await db.Dossiers.SingleAsync(d => d.Id == dossier.Id)).Status.ToString());
    }

    [Fact]
    public async Task A_stale_page_gets_a_clear_conflict_and_nothing_happens_twice()
    {
        var dossier = await new DossierScenario(app.Services).SubmitDrivingLicenceAsync();
        var first = app.CreateClient();
        var second = app.CreateClient();
        await first.SignInAsync(DemoAccounts.ReceptionSgtvt);
        await second.SignInAsync(DemoAccounts.ReceptionSgtvt);
        var form = await first.FormAsync($"/Workspace/Dossier/{dossier.Id}", "form[data-form=accept]");
        var staleForm = await second.FormAsync($"/Workspace/Dossier/{dossier.Id}", "form[data-form=accept]");
        await form.PostAsync(first);
        var late = await (await staleForm.PostAsync(second)).Content.ReadAsStringAsync();

        Assert.Contains("data-testid=\"action-error\"", late, StringComparison.Ordinal);
        await using var db = app.Database.CreateContext();
        Assert.Single(await db.WorkflowJournal.Where(j => j.DossierCode == dossier.Code && j.ActionId == "accept").ToListAsync());
    }

    [Fact]
    public async Task Officials_of_another_agency_do_not_see_the_dossier()
    {
        var dossier = await new DossierScenario(app.Services).SubmitDrivingLicenceAsync();
        var other = app.CreateClient();
        await other.SignInAsync("tiepnhan.sxd@demo.onestop.vn");

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Workspace/Dossier/{dossier.Id}")).StatusCode);
        Assert.DoesNotContain(dossier.Code!, await other.GetStringAsync("/Workspace"), StringComparison.Ordinal);
    }
}

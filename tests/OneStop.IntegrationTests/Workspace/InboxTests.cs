using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Dossiers;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Workspace;

public sealed partial class InboxTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    [GeneratedRegex("<tr data-testid=\"inbox-row\" data-deadline=\"([A-Za-z]+)\">\\s*<td><a href=\"/Workspace/Dossier/[0-9a-f-]+\">([A-Z0-9-]+)</a>")]
    private static partial Regex Row();

    [GeneratedRegex("data-testid=\"count-([a-z]+)\">(\\d+)<")]
    private static partial Regex Count();

    [Fact]
    public async Task The_counter_filters_searches_without_diacritics_sorts_by_due_date_pages_and_sees_deadline_colours_and_counts()
    {
        var scenario = new DossierScenario(app.Services);
        var online = new List<Dossier>();
        for (var i = 0; i < 26; i++)
        {
            online.Add(await scenario.SubmitDrivingLicenceAsync());
        }

        var walkIn = await WalkInAsync("Vi Thị Hồng Nhung");
        var (overdue, soon, onTime) = (online[0], online[1], online[2]);
        await using (var db = app.Database.CreateContext())
        {
            await db.Database.ExecuteSqlAsync($"UPDATE workflow_tasks SET due_at = now() + interval '10 days' WHERE dossier_code <> {overdue.Code} AND dossier_code <> {soon.Code}");
            await db.Database.ExecuteSqlAsync($"UPDATE workflow_tasks SET due_at = now() - interval '2 hours' WHERE dossier_code = {overdue.Code}");
            await db.Database.ExecuteSqlAsync($"UPDATE workflow_tasks SET due_at = now() + interval '30 minutes' WHERE dossier_code = {soon.Code}");
            await db.Database.ExecuteSqlAsync($"UPDATE workflow_tasks SET due_at = now() + interval '20 days' WHERE dossier_code = {onTime.Code}");
            await db.Database.ExecuteSqlAsync($"UPDATE dossiers SET submitted_at = '2026-01-10T09:00:00+07:00' WHERE id = {onTime.Id}");
        }

        var counter = app.CreateClient();
        await counter.SignInAsync(DemoAccounts.ReceptionSgtvt);
        var first = await counter.GetStringAsync("/Workspace");
        var rows = Row().Matches(first).Select(m => (Deadline: m.Groups[1].Value, Code: m.Groups[2].Value)).ToList();
        var counts = Count().Matches(first).ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(25, rows.Count);
        Assert.Equal((("Overdue", overdue.Code!)), rows[0]);
        Assert.Equal((("DueSoon", soon.Code!)), rows[1]);
        Assert.Equal("OnTime", rows[2].Deadline);
        Assert.Equal((27, 1, 1, 0, 27), (counts["all"], counts["overdue"], counts["soon"], counts["mine"], counts["unassigned"]));
        var second = Row().Matches(await counter.GetStringAsync("/Workspace?p=2")).Select(m => m.Groups[2].Value).ToList();
        Assert.Equal([walkIn.Code!, onTime.Code!], second);   // 27 tasks: the last two by due date, then code
        Assert.Equal(onTime.Code, Row().Match(await counter.GetStringAsync("/Workspace?sort=desc")).Groups[2].Value);

        Assert.Equal([walkIn.Code!], Codes(await counter.GetStringAsync("/Workspace?q=vi+thi+hong")));
        Assert.Equal([walkIn.Code!], Codes(await counter.GetStringAsync("/Workspace?channel=Counter")));
        Assert.Equal([walkIn.Code!], Codes(await counter.GetStringAsync($"/Workspace?q={walkIn.Code!.ToLowerInvariant()}")));
        Assert.Equal([overdue.Code!], Codes(await counter.GetStringAsync("/Workspace?filter=overdue")));
        Assert.Equal([soon.Code!], Codes(await counter.GetStringAsync("/Workspace?filter=soon")));
        Assert.Equal([onTime.Code!], Codes(await counter.GetStringAsync("/Workspace?from=2026-01-01&to=2026-01-31")));
        Assert.Equal(25, Codes(await counter.GetStringAsync("/Workspace?procedure=1.002804&step=reception&status=Submitted")).Count);
        Assert.Empty(Codes(await counter.GetStringAsync("/Workspace?status=WaitingForSupplement")));
        Assert.Empty(Codes(await counter.GetStringAsync("/Workspace?step=approval")));
        Assert.Equal(HttpStatusCode.OK, (await counter.GetAsync("/Workspace?status=Nonsense&from=not-a-date&p=-4&sort=%27")).StatusCode);
    }

    [Fact]
    public async Task An_official_claims_from_the_inbox_assigns_to_a_colleague_and_two_claims_of_one_task_give_one_winner()
    {
        var scenario = new DossierScenario(app.Services);
        var dossier = await scenario.SubmitDrivingLicenceAsync();
        await scenario.ActAsync(dossier, "accept", DemoAccounts.ReceptionSgtvt, "Reception", "MOTCUA");
        var colleague = await ColleagueAsync("chuyenvien2.qlpt.sgtvt@demo.onestop.vn", "Lò Văn Pếnh");

        var specialist = app.CreateClient();
        await specialist.SignInAsync(DemoAccounts.SpecialistSgtvt);
        var other = app.CreateClient();
        await other.SignInAsync(colleague);
        var inbox = await specialist.GetStringAsync("/Workspace");
        var taskId = PageForm.Parse(inbox, "/Workspace", "form[action$='handler=Claim']")["TaskId"]!;
        var otherInbox = await other.GetStringAsync("/Workspace");
        var claims = await Task.WhenAll(
            specialist.PostFormAsync("/Workspace?handler=Claim", new Dictionary<string, string> { ["TaskId"] = taskId }, inbox),
            other.PostFormAsync("/Workspace?handler=Claim", new Dictionary<string, string> { ["TaskId"] = taskId }, otherInbox));
        var pages = await Task.WhenAll(claims.Select(c => c.Content.ReadAsStringAsync()));
        Assert.Single(pages, p => p.Contains("Bạn đã nhận xử lý hồ sơ", StringComparison.Ordinal));
        Assert.Single(pages, p => p.Contains("data-testid=\"action-error\"", StringComparison.Ordinal));

        await using var db = app.Database.CreateContext();
        var holder = (await db.WorkflowTasks.SingleAsync(t => t.DossierCode == dossier.Code)).AssignedTo!;
        var (winner, loser, loserId) = holder == (await scenario.UserIdAsync(DemoAccounts.SpecialistSgtvt)).ToString()
            ? (specialist, other, await scenario.UserIdAsync(colleague))
            : (other, specialist, await scenario.UserIdAsync(DemoAccounts.SpecialistSgtvt));
        Assert.DoesNotContain(dossier.Code!, await loser.GetStringAsync("/Workspace"), StringComparison.Ordinal);
        Assert.Contains("của tôi", await winner.GetStringAsync("/Workspace?filter=mine"), StringComparison.Ordinal);

        var leaderId = await scenario.UserIdAsync(DemoAccounts.LeaderSgtvt);
        Assert.Equal("error: Chỉ phân công cho cán bộ cùng bộ phận, đúng vai trò xử lý bước này.",
            await winner.PostHandlerAsync(dossier.Id, "Assign", new Dictionary<string, string> { ["TaskId"] = taskId, ["AssigneeId"] = leaderId.ToString() }));
        Assert.StartsWith("message: Đã phân công cho",
            await winner.PostHandlerAsync(dossier.Id, "Assign", new Dictionary<string, string> { ["TaskId"] = taskId, ["AssigneeId"] = loserId.ToString() }),
            StringComparison.Ordinal);
        Assert.Contains(dossier.Code!, await loser.GetStringAsync("/Workspace?filter=mine"), StringComparison.Ordinal);
        Assert.Contains("data-action=\"submit\"", await loser.GetStringAsync($"/Workspace/Dossier/{dossier.Id}"), StringComparison.Ordinal);
        Assert.DoesNotContain("data-action=\"submit\"", await winner.GetStringAsync($"/Workspace/Dossier/{dossier.Id}"), StringComparison.Ordinal);
        var journal = await db.WorkflowJournal.Where(j => j.DossierCode == dossier.Code && (j.Kind == OneStop.Workflows.Runtime.State.JournalKind.TaskClaimed || j.Kind == OneStop.Workflows.Runtime.State.JournalKind.TaskAssigned)).ToListAsync();
        Assert.Equal(["TaskClaimed", "TaskAssigned"], journal.OrderBy(j => j.Sequence).Select(j => j.Kind.ToString()));
    }

    private static List<string> Codes(string html) => Row().Matches(html).Select(m => m.Groups[2].Value).ToList();

    private async Task<Dossier> WalkInAsync(string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStop.Infrastructure.Data.OneStopDbContext>();
        var counter = await db.Users.Where(u => u.Email == DemoAccounts.ReceptionSgtvt).Select(u => u.Id).SingleAsync();
        return await scope.ServiceProvider.GetRequiredService<DossierIntake>().SubmitAsync(
            new NewDossier("1.002804", "SGTVT", new Applicant(name, "020301009876", null, null, "Lạng Sơn"), null, SubmissionChannel.Counter,
                """{"licenceNumber":"200987654321","licenceClass":"A"}"""),
            new OneStop.Workflows.Runtime.WorkflowActor(counter.ToString(), "Reception", "SGTVT", "MOTCUA"));
    }

    private async Task<string> ColleagueAsync(string email, string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStop.Infrastructure.Data.OneStopDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<OneStop.Infrastructure.Identity.OneStopUser>>();
        var first = await db.Users.SingleAsync(u => u.Email == DemoAccounts.SpecialistSgtvt);
        var user = new OneStop.Infrastructure.Identity.OneStopUser
        {
            UserName = email, Email = email, EmailConfirmed = true, FullName = name, AgencyId = first.AgencyId, DepartmentId = first.DepartmentId,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        Assert.True((await users.CreateAsync(user, DemoAccounts.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, "Specialist")).Succeeded);
        return email;
    }
}

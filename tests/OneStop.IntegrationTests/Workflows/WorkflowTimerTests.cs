using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Infrastructure.Workflows;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Workflows;

public sealed class WorkflowTimerTests(WorkflowFixture fixture) : IClassFixture<WorkflowFixture>
{
    [Fact]
    public async Task Two_hosts_polling_together_fire_each_due_timer_exactly_once()
    {
        await using var first = fixture.NewHost();
        await using var second = fixture.NewHost();
        const int dossiers = 30;
        for (var i = 1; i <= dossiers; i++)
        {
            var started = await WorkflowFixture.StartDrivingLicenceAsync(first, $"SGTVT-TIMER-{i:0000}");
            await WorkflowFixture.PerformAsync(first, started, "accept", WorkflowFixture.Counter);
        }

        await using (var db = fixture.Database.CreateContext())
        {
            Assert.True(await db.WorkflowTimers.CountAsync() >= dossiers * 2);
        }

        // Far past every step's reminder and escalation: all timers are due at once.
        fixture.Clock.Advance(TimeSpan.FromDays(30));
        int dueBefore;
        await using (var db = fixture.Database.CreateContext())
        {
            dueBefore = await db.WorkflowTimers.CountAsync();
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() =>
            (i % 2 == 0 ? first : second).InScopeAsync(sp => sp.GetRequiredService<WorkflowTimerProcessor>().ProcessDueAsync(1000)))));

        await using var check = fixture.Database.CreateContext();
        // Firing can schedule follow-up timers that are due too; every timer that existed fired, and none fired twice.
        Assert.True(results.Sum() >= dueBefore);
        Assert.Empty(await check.WorkflowTimers.ToListAsync());
        var fired = await check.WorkflowJournal
            .Where(j => j.DossierCode.StartsWith("SGTVT-TIMER-") && (j.Kind == OneStop.Workflows.Runtime.State.JournalKind.ReminderSent || j.Kind == OneStop.Workflows.Runtime.State.JournalKind.Escalated || j.Kind == OneStop.Workflows.Runtime.State.JournalKind.TotalDeadlineMissed))
            .GroupBy(j => new { j.InstanceId, j.Kind, j.TaskId }).Select(g => g.Count()).ToListAsync();
        Assert.Equal(results.Sum(), fired.Count);
        Assert.All(fired, count => Assert.Equal(1, count));
        Assert.Equal(dossiers, await check.WorkflowInstances.CountAsync(i => i.DossierCode.StartsWith("SGTVT-TIMER-") && i.IsOverdue));
    }

    [Fact]
    public async Task Reminders_and_escalations_reach_the_assignee_and_the_leaders_in_the_app_and_by_mail()
    {
        await using var host = fixture.NewHost();
        await using (var db = fixture.Database.CreateContext())
        {
            // The test owns its timers: forget any that other tests in the class left due.
            await db.WorkflowTimers.ExecuteDeleteAsync();
        }

        var leaderIds = await LeaderIdsAsync("SGTVT");
        var specialist = await UserIdAsync(DemoAccounts.SpecialistSgtvt);
        var started = await WorkflowFixture.StartDrivingLicenceAsync(host, "SGTVT-261201-0100");
        var accepted = await WorkflowFixture.PerformAsync(host, started, "accept", WorkflowFixture.Counter);
        await host.InScopeAsync(sp => sp.GetRequiredService<OneStop.Workflows.Runtime.IWorkflowEngine>().ClaimAsync(
            accepted.Instance.Id, accepted.Instance.OpenTasks.Single().Id, WorkflowFixture.Specialist with { UserId = specialist.ToString() }));

        fixture.Clock.Advance(TimeSpan.FromDays(30));
        await host.InScopeAsync(sp => sp.GetRequiredService<WorkflowTimerProcessor>().ProcessDueAsync(100));
        var delivered = await host.InScopeAsync(sp => sp.GetRequiredService<WorkflowOutboxDispatcher>().DispatchAsync(500));
        var again = await host.InScopeAsync(sp => sp.GetRequiredService<WorkflowOutboxDispatcher>().DispatchAsync(500));
        await host.InScopeAsync(sp => sp.GetRequiredService<OneStop.Infrastructure.Email.EmailOutboxDispatcher>().DispatchAsync(500));

        Assert.True(delivered > 0);
        Assert.Equal(0, again);
        await using var check = fixture.Database.CreateContext();
        var notes = await check.Notifications.Where(n => n.DossierId == "SGTVT-261201-0100").ToListAsync();
        Assert.Contains(notes, n => n.UserId == specialist && n.Message.StartsWith("Hồ sơ SGTVT-261201-0100 sắp đến hạn xử lý: Thẩm định", StringComparison.Ordinal));
        Assert.Contains(notes, n => leaderIds.Contains(n.UserId) && n.Message.Contains("quá hạn", StringComparison.Ordinal));
        var reminderMail = Directory.GetFiles(fixture.MailDirectory, "*.eml")
            .Select(f => MimeKit.MimeMessage.Load(f)).Where(m => m.Subject?.Contains("SGTVT-261201-0100", StringComparison.Ordinal) == true).ToList();
        Assert.Contains(reminderMail, m => m.To.Mailboxes.Any(a => a.Address == DemoAccounts.SpecialistSgtvt));
        Assert.Contains(reminderMail, m => m.To.Mailboxes.Any(a => a.Address == DemoAccounts.LeaderSgtvt));

        // Effects this host cannot carry out yet stay in the outbox with the reason, to be retried: nothing is dropped.
        var pending = await check.WorkflowOutbox.Where(o => o.DossierCode == "SGTVT-261201-0100" && o.DeliveredAt == null).ToListAsync();
        Assert.All(pending, o => Assert.False(string.IsNullOrEmpty(o.LastError)));
    }

    private async Task<Guid> UserIdAsync(string email)
    {
        await using var db = fixture.Database.CreateContext();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private async Task<List<Guid>> LeaderIdsAsync(string agency)
    {
        await using var db = fixture.Database.CreateContext();
        return await (from u in db.Users
                      join ur in db.UserRoles on u.Id equals ur.UserId
                      join r in db.Roles on ur.RoleId equals r.Id
                      join a in db.Agencies on u.AgencyId equals a.Id
                      where r.Name == "Leader" && a.Code == agency
                      select u.Id).ToListAsync();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Legacy;
using OneStop.Infrastructure.Workflows;
using OneStop.Legacy.Bundles;
using OneStop.Legacy.Reporting;
using OneStop.Legacy.Tests.Generator;
using OneStop.Testing;
using OneStop.Workflows.Calendar;
using OneStop.Workflows.Runtime;
using OneStop.Workflows.Runtime.State;

namespace OneStop.IntegrationTests.Legacy;

/// <summary>
/// Open migrated dossiers in workflows: one without a workflow is reported (no_workflow) and stays importable and listed until a
/// mapping gives it one; one in a workflow has the timers the engine schedules when a step is entered, and they fire like native ones.
/// </summary>
public sealed class LegacyMigratedWorkflowTests : IAsyncLifetime
{
    private const string Workflow = "driving-licence-renewal";

    // Every open status lands in the driving licence workflow: the review step has "duration": "3d", "reminderBefore": "1d".
    private const string TimerMapping = $$"""
        {
          "steps": [
            { "status": 1, "step": "review", "workflow": "{{Workflow}}" }, { "status": 2, "step": "review", "workflow": "{{Workflow}}" },
            { "status": 4, "step": "review", "workflow": "{{Workflow}}" }, { "status": 8, "step": "review", "workflow": "{{Workflow}}" },
            { "status": 3, "step": "supplement", "workflow": "{{Workflow}}" }
          ]
        }
        """;

    private readonly string _work = Path.Combine(Path.GetTempPath(), "onestop-legacy-wf-" + Guid.NewGuid().ToString("N"));
    private readonly List<(TestDatabase Database, ServiceHost Host)> _hosts = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var (database, host) in _hosts)
        {
            await host.DisposeAsync();
            await database.DisposeAsync();
        }

        if (Directory.Exists(_work))
        {
            Directory.Delete(_work, recursive: true);
        }
    }

    [Fact]
    public async Task Open_dossiers_without_a_workflow_are_reported_imported_and_listed_until_a_mapping_gives_them_one()
    {
        var host = await HostAsync();
        var bundle = BundleGenerator.Write(_work, new BundleSpec { Dossiers = 300, Defects = DefectCounts.OfEach(1) });

        var first = await ImportAsync(host, bundle.Path, LegacyMapping.Default);

        var reported = first.Issues.Where(i => i.Kind == IssueKind.NoWorkflow).ToList();
        var unrouted = await UnroutedAsync(host);
        Assert.NotEmpty(unrouted);
        Assert.Equal(unrouted.Order(), reported.Select(i => i.Key).Order());
        Assert.All(reported, i =>
        {
            Assert.Equal("ho_so.csv", i.File);
            Assert.Equal(IssueSeverity.Warning, i.Severity);
            Assert.True(i.Line > 1);
            Assert.Contains("chưa có quy trình", i.Message, StringComparison.Ordinal);
        });
        Assert.Equal(reported.Count, reported.Select(i => i.Key).Distinct().Count());
        Assert.True(first.IsBalanced);
        // A row is counted once in "warnings" even when the reader warned about it already (e.g. an unknown procedure's placeholder).
        var alsoWarned = reported.Count(r => first.Issues.Any(i => i.File == "ho_so.csv" && i.Line == r.Line && i.Kind != IssueKind.NoWorkflow));
        Assert.Equal(bundle.Tables[LegacyTables.Dossiers].Warnings + reported.Count - alsoWarned, first.Table(LegacyTables.Dossiers).Warnings);
        Assert.Equal(bundle.Tables[LegacyTables.Dossiers].Imported, first.Table(LegacyTables.Dossiers).Imported);

        // Imported all the same, and the report says which line; the run's stored report lists them for /Admin/Legacy.
        await host.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<OneStopDbContext>();
            Assert.Equal(unrouted.Count, await db.Dossiers.CountAsync(d => unrouted.Contains(d.LegacyCode!) && d.WorkflowInstanceId == null));
            var stored = await db.Set<LegacyImportRun>().Where(r => r.Status == "Completed").Select(r => r.ReportMarkdown).SingleAsync();
            Assert.Contains("no_workflow", stored, StringComparison.Ordinal);
            Assert.Equal(ImportReportMarkdown.Render(first), stored); // stored whole (it is far below the size kept in the database)
            return 0;
        });

        // An administrator maps a workflow for them and imports the bundle again: they get one, in an inbox, and nothing is reported.
        var second = await ImportAsync(host, bundle.Path, LegacyMapping.Parse("""{ "defaultWorkflow": "household-business-registration" }"""));

        Assert.DoesNotContain(second.Issues, i => i.Kind == IssueKind.NoWorkflow);
        Assert.Empty(await UnroutedAsync(host));
        await host.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<OneStopDbContext>();
            Assert.Equal(unrouted.Count, await db.WorkflowTasks.CountAsync(t => unrouted.Contains(t.DossierCode)));
            return 0;
        });
    }

    [Fact]
    public async Task A_migrated_open_dossier_has_the_timers_of_its_step_and_they_fire_like_native_ones()
    {
        var exported = new DateTimeOffset(2015, 1, 2, 16, 0, 0, TimeSpan.FromHours(7));
        var clock = new ManualClock(exported.AddHours(1));
        var host = await HostAsync(clock);
        var bundle = BundleGenerator.Write(_work, new BundleSpec { Dossiers = 300, Defects = DefectCounts.OfEach(1), ExportedAt = exported }, "timers");

        var report = await ImportAsync(host, bundle.Path, LegacyMapping.Parse(TimerMapping));
        Assert.DoesNotContain(report.Issues, i => i.Kind == IssueKind.NoWorkflow);

        var calendar = await host.InScopeAsync(s => Task.FromResult(s.GetRequiredService<WorkingCalendar>()));
        var tasks = await host.InScopeAsync(s => s.GetRequiredService<OneStopDbContext>().WorkflowTasks.AsNoTracking().ToListAsync());
        var timers = await host.InScopeAsync(s => s.GetRequiredService<OneStopDbContext>().WorkflowTimers.AsNoTracking().ToListAsync());
        Assert.NotEmpty(tasks);

        foreach (var task in tasks)
        {
            var instance = await host.InScopeAsync(s => s.GetRequiredService<IWorkflowEngine>().FindByDossierCodeAsync(task.DossierCode));
            var rows = timers.Where(t => t.InstanceId == task.InstanceId).Select(t => (t.Id, t.Kind, t.DueAt, t.TaskId)).Order().ToList();

            // The state the engine loads and the rows the timer service polls agree.
            Assert.Equal(rows, instance!.Timers.Select(t => (t.Id, t.Kind.ToString(), t.DueAt, t.TaskId)).Order().ToList());
            if (task.StepId == "supplement")
            {
                // Waiting for the applicant: the clock is paused with the working time left, as the engine pauses it; no timers.
                Assert.Empty(rows);
                Assert.NotNull(instance.ClockPausedAt);
                Assert.Null(instance.TotalDueAt);
                Assert.Equal(calendar.WorkingTimeBetween(exported, task.DueAt!.Value), instance.RemainingWorkingTime);
                continue;
            }

            var due = task.DueAt!.Value;
            Assert.Equal(due, instance.TotalDueAt);
            Assert.Contains((TimerKind.TotalDeadline, due, (Guid?)null), instance.Timers.Select(t => (t.Kind, t.DueAt, t.TaskId)));
            Assert.Contains((TimerKind.Escalation, due, (Guid?)task.Id), instance.Timers.Select(t => (t.Kind, t.DueAt, t.TaskId)));
            var reminder = Assert.Single(instance.Timers, t => t.Kind == TimerKind.Reminder);
            Assert.Equal(task.Id, reminder.TaskId);
            Assert.Equal(calendar.WorkingDayLength, calendar.WorkingTimeBetween(reminder.DueAt, due)); // "reminderBefore": "1d"
        }

        // One dossier, followed through time: nothing fires before its reminder, the reminder fires alone, then the deadlines.
        var followed = tasks.Where(t => t.StepId == "review").OrderBy(t => t.DueAt).ThenBy(t => t.DossierCode).First();
        var reminderAt = timers.Single(t => t.TaskId == followed.Id && t.Kind == "Reminder").DueAt;
        clock.Advance(reminderAt - clock.GetUtcNow() - TimeSpan.FromMinutes(1));
        Assert.Empty(await FiredAsync(host, followed.DossierCode));

        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(["ReminderSent"], await FiredAsync(host, followed.DossierCode));
        Assert.False(await host.InScopeAsync(s => s.GetRequiredService<OneStopDbContext>().WorkflowInstances.Where(i => i.Id == followed.InstanceId)
            .Select(i => i.IsOverdue).SingleAsync()));

        clock.Advance(followed.DueAt!.Value - clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        Assert.Equal(["Escalated", "ReminderSent", "TotalDeadlineMissed"], await FiredAsync(host, followed.DossierCode));
        await host.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<OneStopDbContext>();
            Assert.True(await db.WorkflowInstances.Where(i => i.Id == followed.InstanceId).Select(i => i.IsOverdue).SingleAsync());
            Assert.True(await db.WorkflowTasks.Where(t => t.Id == followed.Id).Select(t => t.IsOverdue).SingleAsync());
            Assert.Empty(await db.WorkflowTimers.Where(t => t.InstanceId == followed.InstanceId).ToListAsync());
            var notices = await db.WorkflowOutbox.Where(o => o.DossierCode == followed.DossierCode && o.Kind == "Notify").Select(o => o.Payload).ToListAsync();
            Assert.Contains(notices, p => p.Contains("\"reminder\"", StringComparison.Ordinal));
            Assert.Contains(notices, p => p.Contains("\"escalation\"", StringComparison.Ordinal));
            Assert.Contains(notices, p => p.Contains("\"procedureOverdue\"", StringComparison.Ordinal));
            return 0;
        });
    }

    private async Task<ServiceHost> HostAsync(TimeProvider? clock = null)
    {
        var database = await TestDatabase.CreateAsync();
        var host = new ServiceHost(database, clock, settings: new Dictionary<string, string?> { ["FileStore:Root"] = Path.Combine(_work, "files-" + database.Name) });
        _hosts.Add((database, host));
        return host;
    }

    private static Task<ImportReport> ImportAsync(ServiceHost host, string bundle, LegacyMapping mapping) =>
        host.InScopeAsync(s => s.GetRequiredService<LegacyImporter>().ImportAsync(new LegacyImportRequest(bundle) { Mapping = mapping }));

    private static Task<List<string>> UnroutedAsync(ServiceHost host) => host.InScopeAsync(s => s.GetRequiredService<OneStopDbContext>().Dossiers
        .Where(d => d.LegacyCode != null && d.WorkflowInstanceId == null && d.Status != DossierStatus.Completed && d.Status != DossierStatus.Rejected
            && d.Status != DossierStatus.Withdrawn)
        .Select(d => d.LegacyCode!).ToListAsync());

    /// <summary>Runs the timer service once and returns the timer entries of the dossier's journal so far.</summary>
    private static async Task<List<string>> FiredAsync(ServiceHost host, string dossier)
    {
        await host.InScopeAsync(s => s.GetRequiredService<WorkflowTimerProcessor>().ProcessDueAsync(10_000));
        var kinds = await host.InScopeAsync(s => s.GetRequiredService<OneStopDbContext>().WorkflowJournal
            .Where(j => j.DossierCode == dossier && (j.Kind == JournalKind.ReminderSent || j.Kind == JournalKind.Escalated || j.Kind == JournalKind.TotalDeadlineMissed))
            .Select(j => j.Kind).ToListAsync());
        return kinds.Select(k => k.ToString()).Order(StringComparer.Ordinal).ToList();
    }
}

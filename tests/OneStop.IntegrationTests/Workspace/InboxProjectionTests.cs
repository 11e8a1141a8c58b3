using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Legacy;
using OneStop.Legacy.Tests.Generator;
using OneStop.Testing;
using OneStop.Web.Features.Workspace;
using OneStop.Workflows.Runtime;

namespace OneStop.IntegrationTests.Workspace;

/// <summary>
/// Each open task carries a copy of its dossier's procedure, submission date, channel, status and searchable code and name, which
/// the inbox filters on; the database keeps it right whoever writes: the engine, an UPDATE of the dossier, the legacy importer.
/// </summary>
public sealed class InboxProjectionTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    [Fact]
    public async Task Tasks_the_engine_writes_carry_their_dossiers_facts_and_follow_every_change_of_the_dossier()
    {
        var scenario = new DossierScenario(app.Services);
        var dossier = await scenario.SubmitDrivingLicenceAsync();
        await using (var db = app.Database.CreateContext())
        {
            var task = await db.WorkflowTasks.SingleAsync(t => t.DossierCode == dossier.Code);
            var stored = await db.Dossiers.AsNoTracking().SingleAsync(d => d.Id == dossier.Id);
            Assert.Equal((dossier.ProcedureId, stored.SubmittedAt, SubmissionChannel.Online, DossierStatus.Submitted, $"{dossier.Code!.ToLowerInvariant()} nguyen van an"),
                (task.ProcedureId!.Value, task.SubmittedAt, task.Channel!.Value, task.DossierStatus!.Value, task.SearchText));
        }

        // The engine moves the dossier on: the new step's task sees the dossier's new status.
        await scenario.ActAsync(dossier, "accept", DemoAccounts.ReceptionSgtvt, "Reception", "MOTCUA");
        await using (var db = app.Database.CreateContext())
        {
            var task = await db.WorkflowTasks.SingleAsync(t => t.DossierCode == dossier.Code);
            Assert.Equal(("review", DossierStatus.InProgress), (task.StepId, task.DossierStatus!.Value));

            // Any other writer of the dossier, here a bare UPDATE, is followed in the same statement.
            await db.Database.ExecuteSqlAsync($"UPDATE dossiers SET applicant_full_name = 'Đặng Thị Ánh Tuyết', submitted_at = '2026-02-03T08:00:00+07:00', channel = 'Counter' WHERE id = {dossier.Id}");
            var after = await db.WorkflowTasks.AsNoTracking().SingleAsync(t => t.DossierCode == dossier.Code);
            Assert.Equal(($"{dossier.Code!.ToLowerInvariant()} dang thi anh tuyet", SubmissionChannel.Counter, new DateTimeOffset(2026, 2, 3, 1, 0, 0, TimeSpan.Zero)),
                (after.SearchText, after.Channel!.Value, after.SubmittedAt!.Value.ToUniversalTime()));
        }

        var specialist = await new DossierScenario(app.Services).UserIdAsync(DemoAccounts.SpecialistSgtvt);
        var actor = new WorkflowActor(specialist.ToString(), "Specialist", "SGTVT", "QLPT");
        Assert.Equal([dossier.Code!], await CodesAsync(app.Services, actor, new Inbox.Query { Q = "DANG thi ANH" }));
        Assert.Equal([dossier.Code!], await CodesAsync(app.Services, actor, new Inbox.Query
        {
            Procedure = "1.002804", Channel = SubmissionChannel.Counter, Status = DossierStatus.InProgress,
            From = new DateOnly(2026, 2, 3), To = new DateOnly(2026, 2, 3),
        }));
        Assert.Empty(await CodesAsync(app.Services, actor, new Inbox.Query { Q = "nguyen van an" }));
    }

    internal static async Task<List<string>> CodesAsync(IServiceProvider services, WorkflowActor actor, Inbox.Query query)
    {
        await using var scope = services.CreateAsyncScope();
        var result = await ActivatorUtilities.CreateInstance<Inbox>(scope.ServiceProvider).ListAsync(actor, query, CancellationToken.None);
        return result.Items.Select(i => i.Code).ToList();
    }

    /// <summary>Lower case without diacritics, as an official types a name.</summary>
    internal static string Plain(string text)
    {
        var decomposed = text.Replace('Đ', 'D').Replace('đ', 'd').Normalize(NormalizationForm.FormD);
        return new string(decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray()).ToLowerInvariant();
    }
}

/// <summary>The legacy importer writes tasks with set-based SQL; their copy of the dossier's facts is right too, and the inbox finds them.</summary>
public sealed class LegacyInboxProjectionTests : IAsyncLifetime
{
    private const string Mapping = """
        {
          "agencies": { "UBND-T": "UBND-LS", "UBND-VT": "P-LVT", "UBND-HL": "X-CL" },
          "successors": { "UBND-BS": "X-CL" },
          "defaultWorkflow": "household-business-registration",
          "steps": [ { "status": 1, "step": "review" } ]
        }
        """;

    private readonly string _work = Path.Combine(Path.GetTempPath(), "onestop-legacy-inbox-" + Guid.NewGuid().ToString("N"));
    private TestDatabase _database = null!;
    private ServiceHost _host = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _host = new ServiceHost(_database, settings: new Dictionary<string, string?> { ["FileStore:Root"] = Path.Combine(_work, "files") });
        var bundle = BundleGenerator.Write(_work, new BundleSpec { Dossiers = 120 });
        await _host.InScopeAsync(s => s.GetRequiredService<LegacyImporter>().ImportAsync(new LegacyImportRequest(bundle.Path) { Mapping = LegacyMapping.Parse(Mapping) }));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _database.DisposeAsync();
        if (Directory.Exists(_work))
        {
            Directory.Delete(_work, recursive: true);
        }
    }

    [Fact]
    public async Task Imported_tasks_carry_their_dossiers_facts_and_the_inbox_finds_them_by_name_without_diacritics_and_by_code()
    {
        var (tasks, stale) = await _host.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<OneStopDbContext>();
            var all = await db.WorkflowTasks.CountAsync();
            var differ = await db.Database.SqlQuery<int>($"""
                SELECT count(*)::int AS "Value" FROM workflow_tasks t JOIN dossiers d ON d.code = t.dossier_code
                WHERE (t.procedure_id, t.submitted_at, t.channel, t.dossier_status, t.search_text)
                      IS DISTINCT FROM (d.procedure_id, d.submitted_at, d.channel, d.status, f_search_text(d.code || ' ' || d.applicant_full_name))
                """).SingleAsync();
            return (all, differ);
        });
        Assert.True(tasks > 0, "the bundle has open dossiers");
        Assert.Equal(0, stale);

        var (code, name, task) = await _host.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<OneStopDbContext>();
            var found = await (from t in db.WorkflowTasks
                               join d in db.Dossiers on t.DossierCode equals d.Code
                               where t.Role != "Citizen" && d.LegacyCode != null
                               orderby t.DossierCode
                               select new { d.Code, d.Applicant.FullName, t.Role, t.Agency, t.Department }).FirstAsync();
            return (found.Code!, found.FullName, new WorkflowActor(Guid.NewGuid().ToString(), found.Role, found.Agency, found.Department));
        });
        Assert.Contains(code, await InboxProjectionTests.CodesAsync(_host.Services, task, new Inbox.Query { Q = InboxProjectionTests.Plain(name) }));
        var byCode = await InboxProjectionTests.CodesAsync(_host.Services, task, new Inbox.Query { Q = code.ToLowerInvariant() });
        Assert.Contains(code, byCode);
        Assert.All(byCode, c => Assert.Contains(code, c, StringComparison.Ordinal));
    }
}

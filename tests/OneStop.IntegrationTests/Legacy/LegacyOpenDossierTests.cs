using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Legacy;
using OneStop.Legacy.Tests.Generator;
using OneStop.Testing;
using OneStop.Workflows.Runtime;
using OneStop.Workflows.Runtime.State;

namespace OneStop.IntegrationTests.Legacy;

/// <summary>What migrated dossiers become: closed ones with their dates, open ones in a live workflow that can be processed to the end.</summary>
public sealed class LegacyOpenDossierTests : IAsyncLifetime
{
    private const string Mapping = """
        {
          "agencies": { "UBND-T": "UBND-LS", "UBND-VT": "P-LVT", "UBND-HL": "X-CL" },
          "successors": { "UBND-BS": "X-CL" },
          "defaultWorkflow": "household-business-registration",
          "steps": [ { "status": 1, "step": "review" } ]
        }
        """;

    private static readonly string[] Preferred = ["accept", "submit", "approve", "returnResult", "sendToPolice", "reply", "agree", "consult", "resubmit"];

    private readonly string _work = Path.Combine(Path.GetTempPath(), "onestop-legacy-open-" + Guid.NewGuid().ToString("N"));
    private TestDatabase _database = null!;
    private ServiceHost _host = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _host = new ServiceHost(_database, settings: new Dictionary<string, string?> { ["FileStore:Root"] = Path.Combine(_work, "files") });
        var bundle = BundleGenerator.Write(_work, new BundleSpec { Dossiers = 250, Defects = DefectCounts.OfEach(1) });
        await _host.InScopeAsync(s => s.GetRequiredService<LegacyImporter>()
            .ImportAsync(new LegacyImportRequest(bundle.Path) { Mapping = LegacyMapping.Parse(Mapping) }));
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
    public async Task Every_open_dossier_has_one_task_in_a_department_that_exists_and_keeps_its_legacy_due_date()
    {
        await _host.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<OneStopDbContext>();
            var open = await db.Dossiers.Where(d => d.LegacyCode != null && d.Status != DossierStatus.Completed
                && d.Status != DossierStatus.Rejected && d.Status != DossierStatus.Withdrawn).ToListAsync();
            Assert.NotEmpty(open);
            foreach (var dossier in open)
            {
                var task = await db.WorkflowTasks.SingleAsync(t => t.DossierCode == dossier.Code);
                Assert.Equal(dossier.DueAt, task.DueAt);
                Assert.Equal(dossier.Code, dossier.LegacyCode);
                if (task.Role != "Citizen")
                {
                    Assert.True(await (from d in db.Departments join a in db.Agencies on d.AgencyId equals a.Id
                                       where a.Code == task.Agency && d.Code == task.Department select d).AnyAsync(),
                        $"{dossier.Code}: no department {task.Department} at {task.Agency}");
                }
            }

            var closed = await db.Dossiers.Where(d => d.LegacyCode != null && d.Status == DossierStatus.Completed).ToListAsync();
            Assert.All(closed, d => Assert.NotNull(d.CompletedAt));
            Assert.True(await db.Set<LegacyHistoryRecord>().AnyAsync());
            return 0;
        });
    }

    [Fact]
    public async Task The_imported_engine_state_is_exactly_what_the_engines_serializer_writes()
    {
        await _host.InScopeAsync(async s =>
        {
            var states = await s.GetRequiredService<OneStopDbContext>().WorkflowInstances.Select(i => i.State).ToListAsync();
            Assert.NotEmpty(states);
            foreach (var state in states)
            {
                // Read by the engine and written back, the state is the same JSON: no property the engine does not know, none missing,
                // the same enum texts. The importer builds it from the serializer's own names, and this holds it to that.
                var roundTrip = WorkflowStateSerializer.Serialize(WorkflowStateSerializer.Deserialize(state));
                Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(state),
                    System.Text.Json.Nodes.JsonNode.Parse(roundTrip)), $"{state}\n≠\n{roundTrip}");
            }

            return 0;
        });
    }

    [Fact]
    public async Task Every_migrated_dossier_has_its_own_look_up_key_from_the_imports_set_based_sql()
    {
        await _host.InScopeAsync(async s =>
        {
            var keys = await s.GetRequiredService<OneStopDbContext>().Dossiers.Where(d => d.LegacyCode != null).Select(d => d.LookupKey).ToListAsync();
            Assert.True(keys.Count > 200);
            Assert.All(keys, k => Assert.Matches("^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{10}$", k));
            Assert.Equal(keys.Count, keys.Distinct().Count());
            return 0;
        });
    }

    [Fact]
    public async Task The_mapping_merges_and_closes_agencies_and_routes_statuses_and_officials_must_set_a_password()
    {
        await _host.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<OneStopDbContext>();
            Assert.False(await db.Agencies.AnyAsync(a => a.Code == "UBND-T" || a.Code == "UBND-VT" || a.Code == "UBND-HL"));
            var district = await db.Agencies.SingleAsync(a => a.Code == "UBND-BS");
            Assert.Equal(new DateOnly(2025, 7, 1), district.ClosedOn);
            Assert.Equal(await db.Agencies.Where(a => a.Code == "X-CL").Select(a => (Guid?)a.Id).SingleAsync(), district.SuccessorId);
            Assert.False(await db.Procedures.AnyAsync(p => p.Code == "1.004227" && p.IsActive));

            var received = await (from d in db.Dossiers join t in db.WorkflowTasks on d.Code equals t.DossierCode
                                  where EF.Functions.JsonContains(d.FormData, "{\"legacy\": {\"legacyStatus\": 1}}") select t.StepId).ToListAsync();
            Assert.All(received, step => Assert.Equal("review", step));

            var users = s.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<OneStop.Infrastructure.Identity.OneStopUser>>();
            var officials = await db.Users.Where(u => u.Email!.EndsWith("@langson.gov.vn")).ToListAsync();
            Assert.NotEmpty(officials);
            Assert.Contains(officials, u => !u.IsActive);
            foreach (var official in officials)
            {
                Assert.Null(official.PasswordHash);
                Assert.NotNull(official.AgencyId);
                Assert.False(await users.CheckPasswordAsync(official, "Demo@2026"));
                Assert.True(official.IsActive || official.LockoutEnd > DateTimeOffset.UtcNow);
            }

            return 0;
        });
    }

    [Fact]
    public async Task An_open_migrated_dossier_is_processed_to_the_end_like_any_other()
    {
        var code = await _host.InScopeAsync(s => s.GetRequiredService<OneStopDbContext>().WorkflowTasks
            .Where(t => t.Role != "Citizen" && (t.Agency == "SGTVT" || t.Agency == "STP"))
            .OrderBy(t => t.DossierCode).Select(t => t.DossierCode).FirstAsync());

        for (var step = 0; step < 12; step++)
        {
            var done = await _host.InScopeAsync(async s =>
            {
                var engine = s.GetRequiredService<IWorkflowEngine>();
                var instance = (await engine.FindByDossierCodeAsync(code))!;
                if (instance.Status == InstanceStatus.Ended)
                {
                    return true;
                }

                var task = instance.OpenTasks.First();
                var actor = new WorkflowActor(Guid.NewGuid().ToString(), task.Role, task.Agency, task.Department);
                var actions = await engine.ListAvailableActionsAsync(instance.Id, actor);
                Assert.NotEmpty(actions);
                var action = Preferred.Select(p => actions.FirstOrDefault(a => a.ActionId == p)).FirstOrDefault(a => a is not null) ?? actions[0];
                await engine.PerformAsync(new PerformActionRequest(instance.Id, task.Id, action.ActionId, actor) { Comment = "Xử lý tiếp hồ sơ chuyển từ hệ thống cũ" });
                return false;
            });
            if (done)
            {
                break;
            }
        }

        await _host.InScopeAsync(async s =>
        {
            var dossier = await s.GetRequiredService<OneStopDbContext>().Dossiers.SingleAsync(d => d.Code == code);
            Assert.Equal(DossierStatus.Completed, dossier.Status);
            return 0;
        });
    }
}

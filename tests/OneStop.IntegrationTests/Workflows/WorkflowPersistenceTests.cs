using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OneStop.Infrastructure.Data;
using OneStop.Workflows.Runtime;
using OneStop.Workflows.Runtime.Errors;
using OneStop.Workflows.Runtime.State;
using OneStop.Workflows.Runtime.Store;

namespace OneStop.IntegrationTests.Workflows;

public sealed class WorkflowPersistenceTests(WorkflowFixture fixture) : IClassFixture<WorkflowFixture>
{
    [Fact]
    public async Task A_dossier_runs_to_the_end_and_every_step_is_in_the_tables()
    {
        await using var host = fixture.NewHost();
        var started = await WorkflowFixture.StartDrivingLicenceAsync(host, "SGTVT-261201-0001");
        var accepted = await WorkflowFixture.PerformAsync(host, started, "accept", WorkflowFixture.Counter);

        await using (var db = fixture.Database.CreateContext())
        {
            var task = await db.WorkflowTasks.SingleAsync(t => t.InstanceId == started.Instance.Id);
            Assert.Equal(("review", "Specialist", "SGTVT", "QLPT"), (task.StepId, task.Role, task.Agency, task.Department));
            Assert.NotNull(task.DueAt);
            Assert.NotEmpty(await db.WorkflowTimers.Where(t => t.InstanceId == started.Instance.Id).ToListAsync());
        }

        var submitted = await WorkflowFixture.PerformAsync(host, accepted, "submit", WorkflowFixture.Specialist);
        var approved = await WorkflowFixture.PerformAsync(host, submitted, "approve", WorkflowFixture.Leader);

        Assert.Equal(InstanceStatus.Ended, approved.Instance.Status);
        await using var check = fixture.Database.CreateContext();
        var record = await check.WorkflowInstances.SingleAsync(i => i.Id == started.Instance.Id);
        Assert.Equal(("Ended", "Completed", approved.Instance.Version), (record.Status, record.Outcome, record.Version));
        Assert.Empty(await check.WorkflowTasks.Where(t => t.InstanceId == record.Id).ToListAsync());
        Assert.Empty(await check.WorkflowTimers.Where(t => t.InstanceId == record.Id).ToListAsync());
        var journal = await check.WorkflowJournal.Where(j => j.InstanceId == record.Id).OrderBy(j => j.Sequence).ToListAsync();
        Assert.Equal(approved.Instance.Journal.Select(j => j.Sequence), journal.Select(j => j.Sequence));
        Assert.Contains(journal, j => j.ActionId == "accept" && j.ActorId == WorkflowFixture.Counter.UserId && j.Documents.Contains("receipt"));
        var outbox = await check.WorkflowOutbox.Where(o => o.InstanceId == record.Id).Select(o => o.Kind).ToListAsync();
        Assert.Contains("IssueDocument", outbox);
        Assert.Contains("CallWebhook", outbox);

        var reloaded = await host.InScopeAsync(sp => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<IWorkflowEngine>(sp).FindByDossierCodeAsync("SGTVT-261201-0001"));
        Assert.Equal(approved.Instance.Version, reloaded!.Version);
    }

    [Fact]
    public async Task A_dossier_gets_one_workflow_only()
    {
        await using var host = fixture.NewHost();
        await WorkflowFixture.StartDrivingLicenceAsync(host, "SGTVT-261201-0002");

        var second = await Assert.ThrowsAsync<WorkflowConflictException>(() => WorkflowFixture.StartDrivingLicenceAsync(host, "SGTVT-261201-0002"));

        Assert.Contains("đã có quy trình", second.MessageVi, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_officials_acting_on_one_task_at_the_same_moment_one_wins_and_nothing_is_half_applied()
    {
        await using var host = fixture.NewHost();
        var started = await WorkflowFixture.StartDrivingLicenceAsync(host, "SGTVT-261201-0003");
        var taskId = started.Instance.OpenTasks.Single().Id;
        var officials = Enumerable.Range(1, 8).Select(i => WorkflowFixture.Counter with { UserId = "tiepnhan-" + i }).ToList();
        using var gate = new SemaphoreSlim(0);

        var attempts = officials.Select(official => Task.Run(async () =>
        {
            await gate.WaitAsync();
            return await host.InScopeAsync(sp => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
                .GetRequiredService<IWorkflowEngine>(sp)
                .PerformAsync(new PerformActionRequest(started.Instance.Id, taskId, "accept", official)));
        })).ToList();
        gate.Release(officials.Count);
        var outcomes = await Task.WhenAll(attempts.Select(async a =>
        {
            try
            {
                await a;
                return "ok";
            }
            catch (WorkflowException ex)
            {
                return ex.Code;
            }
        }));

        Assert.Single(outcomes, o => o == "ok");
        Assert.All(outcomes.Where(o => o != "ok"), o => Assert.StartsWith("workflow.", o, StringComparison.Ordinal));
        await using var db = fixture.Database.CreateContext();
        Assert.Single(await db.WorkflowJournal.Where(j => j.InstanceId == started.Instance.Id && j.ActionId == "accept").ToListAsync());
        Assert.Single(await db.WorkflowOutbox.Where(o => o.InstanceId == started.Instance.Id && o.Kind == "IssueDocument").ToListAsync());
        var task = await db.WorkflowTasks.SingleAsync(t => t.InstanceId == started.Instance.Id);
        Assert.Equal("review", task.StepId);
        Assert.Equal(2, (await db.WorkflowInstances.SingleAsync(i => i.Id == started.Instance.Id)).Version);
    }

    [Fact]
    public async Task A_stale_save_writes_nothing_even_in_a_transaction_its_caller_then_commits()
    {
        await using var host = fixture.NewHost();
        var started = await WorkflowFixture.StartDrivingLicenceAsync(host, "SGTVT-261201-0005");
        var accepted = await WorkflowFixture.PerformAsync(host, started, "accept", WorkflowFixture.Counter);
        var instance = accepted.Instance;
        var before = await RowCountsAsync(instance);
        var effect = new WorkflowEffect(EffectKind.Notify, instance.Id, instance.DossierCode) { Message = "stale" };

        await host.InScopeAsync(async sp =>
        {
            var unitOfWork = sp.GetRequiredService<IUnitOfWork>();
            var store = sp.GetRequiredService<IWorkflowStore>();
            await unitOfWork.InTransactionAsync(async () =>
            {
                // The instance is at this version already: saving it as if it came from the version before is stale.
                await Assert.ThrowsAsync<WorkflowConflictException>(() => store.SaveAsync(instance, instance.Version - 1, [effect]));
            });
            return true;
        });

        Assert.Equal(before, await RowCountsAsync(instance));
    }

    private async Task<(long Version, int Tasks, int Timers, int Journal, int Outbox, int Audit)> RowCountsAsync(WorkflowInstance instance)
    {
        await using var db = fixture.Database.CreateContext();
        return ((await db.WorkflowInstances.SingleAsync(i => i.Id == instance.Id)).Version,
            await db.WorkflowTasks.CountAsync(t => t.InstanceId == instance.Id),
            await db.WorkflowTimers.CountAsync(t => t.InstanceId == instance.Id),
            await db.WorkflowJournal.CountAsync(j => j.InstanceId == instance.Id),
            await db.WorkflowOutbox.CountAsync(o => o.InstanceId == instance.Id),
            await db.AuditLog.CountAsync(a => a.DossierId == instance.DossierCode));
    }

    [Fact]
    public async Task The_journal_is_append_only_in_the_database_itself()
    {
        await using var host = fixture.NewHost();
        var started = await WorkflowFixture.StartDrivingLicenceAsync(host, "SGTVT-261201-0004");
        await using var db = fixture.Database.CreateContext();

        var update = await Assert.ThrowsAsync<PostgresException>(() =>
            db.WorkflowJournal.Where(j => j.InstanceId == started.Instance.Id).ExecuteUpdateAsync(s => s.SetProperty(j => j.Comment, "sửa")));
        var delete = await Assert.ThrowsAsync<PostgresException>(() =>
            db.WorkflowJournal.Where(j => j.InstanceId == started.Instance.Id).ExecuteDeleteAsync());

        Assert.Contains("append-only", update.MessageText, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.MessageText, StringComparison.Ordinal);
    }
}

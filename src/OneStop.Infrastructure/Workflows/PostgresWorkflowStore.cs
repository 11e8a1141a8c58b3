using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Workflows.Entities;
using OneStop.Workflows.Runtime;
using OneStop.Workflows.Runtime.Errors;
using OneStop.Workflows.Runtime.State;
using OneStop.Workflows.Runtime.Store;

namespace OneStop.Infrastructure.Workflows;

/// <summary>
/// The workflow store on PostgreSQL. A save is one transaction (joining the caller's, if one is open): a conditional update
/// of the instance on its version, then the task, timer, journal and outbox rows. A stale version writes nothing.
/// </summary>
public sealed class PostgresWorkflowStore(OneStopDbContext db, TimeProvider clock, IUnitOfWork unitOfWork) : IWorkflowStore
{
    private static readonly JsonSerializerOptions PayloadOptions = new(JsonSerializerDefaults.Web);

    public async Task<WorkflowInstance?> LoadAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        var state = await db.WorkflowInstances.AsNoTracking().Where(i => i.Id == instanceId).Select(i => i.State)
            .SingleOrDefaultAsync(cancellationToken);
        return state is null ? null : WorkflowStateSerializer.Deserialize(state);
    }

    public async Task<WorkflowInstance?> FindByDossierCodeAsync(string dossierCode, CancellationToken cancellationToken = default)
    {
        var state = await db.WorkflowInstances.AsNoTracking().Where(i => i.DossierCode == dossierCode).Select(i => i.State)
            .SingleOrDefaultAsync(cancellationToken);
        return state is null ? null : WorkflowStateSerializer.Deserialize(state);
    }

    public async Task InsertAsync(WorkflowInstance instance, IReadOnlyList<WorkflowEffect> effects, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        await InTransactionAsync(async () =>
        {
            db.WorkflowInstances.Add(new WorkflowInstanceRecord
            {
                Id = instance.Id,
                DossierCode = instance.DossierCode,
                DefinitionId = instance.DefinitionId,
                DefinitionVersion = instance.DefinitionVersion,
                Status = instance.Status.ToString(),
                Version = instance.Version,
                ReceivingAgency = instance.ReceivingAgency,
                StartedAt = instance.StartedAt,
                EndedAt = instance.EndedAt,
                TotalDueAt = instance.TotalDueAt,
                IsOverdue = instance.IsOverdue,
                Outcome = instance.Outcome?.ToString(),
                State = WorkflowStateSerializer.Serialize(instance),
            });
            AddProjections(instance, 0, effects);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                throw new WorkflowConflictException($"Dossier {instance.DossierCode} already has a workflow.",
                    $"Hồ sơ {instance.DossierCode} đã có quy trình xử lý.");
            }
        }, cancellationToken);
    }

    public async Task SaveAsync(WorkflowInstance instance, long expectedVersion, IReadOnlyList<WorkflowEffect> effects, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (instance.Version != expectedVersion + 1)
        {
            throw WorkflowConflictException.StaleVersion(instance.Id);
        }

        await InTransactionAsync(async () =>
        {
            var state = WorkflowStateSerializer.Serialize(instance);
            var status = instance.Status.ToString();
            var outcome = instance.Outcome?.ToString();
            var updated = await db.WorkflowInstances
                .Where(i => i.Id == instance.Id && i.Version == expectedVersion)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(i => i.State, state)
                    .SetProperty(i => i.Version, instance.Version)
                    .SetProperty(i => i.Status, status)
                    .SetProperty(i => i.Outcome, outcome)
                    .SetProperty(i => i.DefinitionId, instance.DefinitionId)
                    .SetProperty(i => i.DefinitionVersion, instance.DefinitionVersion)
                    .SetProperty(i => i.EndedAt, instance.EndedAt)
                    .SetProperty(i => i.TotalDueAt, instance.TotalDueAt)
                    .SetProperty(i => i.IsOverdue, instance.IsOverdue), cancellationToken);
            if (updated == 0)
            {
                throw WorkflowConflictException.StaleVersion(instance.Id);
            }

            await db.WorkflowTasks.Where(t => t.InstanceId == instance.Id).ExecuteDeleteAsync(cancellationToken);
            await db.WorkflowTimers.Where(t => t.InstanceId == instance.Id).ExecuteDeleteAsync(cancellationToken);
            var journaled = await db.WorkflowJournal.Where(j => j.InstanceId == instance.Id)
                .MaxAsync(j => (long?)j.Sequence, cancellationToken) ?? 0;
            AddProjections(instance, journaled, effects);
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<DueTimer>> ListDueTimersAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default)
    {
        var rows = await db.WorkflowTimers.AsNoTracking().Where(t => t.DueAt <= now).OrderBy(t => t.DueAt).Take(max)
            .ToListAsync(cancellationToken);
        return rows.Select(t => new DueTimer(t.InstanceId, t.Id, Enum.Parse<TimerKind>(t.Kind), t.DueAt)).ToList();
    }

    private void AddProjections(WorkflowInstance instance, long journaled, IReadOnlyList<WorkflowEffect> effects)
    {
        db.WorkflowTasks.AddRange(instance.OpenTasks.Select(t => new WorkflowTaskRecord
        {
            Id = t.Id,
            InstanceId = instance.Id,
            DossierCode = instance.DossierCode,
            StepId = t.StepId,
            Role = t.Role,
            Agency = t.Agency,
            Department = t.Department,
            AssignedTo = t.AssignedTo,
            CreatedAt = t.CreatedAt,
            DueAt = t.DueAt,
            IsOverdue = t.IsOverdue,
        }));
        db.WorkflowTimers.AddRange(instance.Timers.Select(t => new WorkflowTimerRecord
        {
            Id = t.Id,
            InstanceId = instance.Id,
            Kind = t.Kind.ToString(),
            DueAt = t.DueAt,
            TaskId = t.TaskId,
        }));
        db.WorkflowJournal.AddRange(instance.Journal.Where(j => j.Sequence > journaled).Select(j => new WorkflowJournalRecord
        {
            InstanceId = instance.Id,
            Sequence = j.Sequence,
            DossierCode = instance.DossierCode,
            At = j.At,
            Kind = j.Kind,
            ActorId = j.ActorId,
            ActorRole = j.ActorRole,
            ActorAddress = j.ActorAddress,
            TaskId = j.TaskId,
            FromStep = j.FromStep,
            ToStep = j.ToStep,
            ActionId = j.ActionId,
            ActionLabel = j.ActionLabel,
            Comment = j.Comment,
            Files = [.. j.Files],
            Documents = [.. j.Documents],
        }));
        var now = clock.GetUtcNow();
        db.WorkflowOutbox.AddRange(effects.Select(e => new WorkflowOutboxRecord
        {
            InstanceId = e.InstanceId,
            DossierCode = e.DossierCode,
            Kind = e.Kind.ToString(),
            Payload = JsonSerializer.Serialize(e, PayloadOptions),
            CreatedAt = now,
            AvailableAt = now,
        }));
    }

    /// <summary>Runs in the unit of work's transaction; contention becomes a conflict, and the workflow rows leave the change tracker either way.</summary>
    private async Task InTransactionAsync(Func<Task> work, CancellationToken cancellationToken)
    {
        try
        {
            await unitOfWork.InTransactionAsync(work, cancellationToken);
        }
        catch (Exception ex) when (IsContention(ex))
        {
            // PostgreSQL chose this transaction as a deadlock victim or could not serialise it: for the caller it is a conflict.
            throw new WorkflowConflictException("The dossier was changed by someone else at the same time.",
                "Hồ sơ vừa được người khác xử lý cùng lúc. Vui lòng tải lại và thử lại.");
        }
        finally
        {
            DetachWorkflowRows();
        }
    }

    private static bool IsContention(Exception ex) =>
        (ex as PostgresException ?? ex.InnerException as PostgresException) is { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure };

    private void DetachWorkflowRows()
    {
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is WorkflowInstanceRecord or WorkflowTaskRecord
                     or WorkflowTimerRecord or WorkflowJournalRecord or WorkflowOutboxRecord).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }
}

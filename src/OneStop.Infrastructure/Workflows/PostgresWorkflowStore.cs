using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using OneStop.Infrastructure.Audit;
using OneStop.Infrastructure.Data;
using OneStop.Workflows.Runtime;
using OneStop.Workflows.Runtime.Errors;
using OneStop.Workflows.Runtime.State;
using OneStop.Workflows.Runtime.Store;

namespace OneStop.Infrastructure.Workflows;

/// <summary>
/// The workflow store on PostgreSQL. A save is one statement in one round trip (<see cref="WorkflowStoreSql"/>), on the context's
/// connection, in the caller's transaction if one is open (else the statement is its own): the instance row, updated only on its expected
/// version, and its task, timer, journal, audit and outbox rows. A stale version writes nothing. No change tracking on the way.
/// </summary>
internal sealed class PostgresWorkflowStore(OneStopDbContext db, TimeProvider clock, IAuditActor actor,
    OutboxWakeInterceptor wake, WorkflowStateCache states) : IWorkflowStore
{
    public Task<WorkflowInstance?> LoadAsync(Guid instanceId, CancellationToken cancellationToken = default) =>
        ReadStateAsync(WorkflowStoreSql.Load, new NpgsqlParameter<Guid> { TypedValue = instanceId }, cancellationToken);

    /// <summary>The expected version's committed state when this host knows it (<see cref="WorkflowStateCache"/>); else read.</summary>
    public Task<WorkflowInstance?> LoadExpectedAsync(Guid instanceId, long expectedVersion, CancellationToken cancellationToken = default)
    {
        if (states.Find(instanceId, expectedVersion) is not { } state)
        {
            return LoadAsync(instanceId, cancellationToken);
        }

        var instance = WorkflowStateSerializer.Deserialize(state);
        Observability.DossierLogContext.Observe(instance.DossierCode);
        return Task.FromResult<WorkflowInstance?>(instance);
    }

    public Task<WorkflowInstance?> FindByDossierCodeAsync(string dossierCode, CancellationToken cancellationToken = default) =>
        ReadStateAsync(WorkflowStoreSql.FindByDossierCode, new NpgsqlParameter<string> { TypedValue = dossierCode }, cancellationToken);

    public async Task InsertAsync(WorkflowInstance instance, IReadOnlyList<WorkflowEffect> effects, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        try
        {
            await WriteAsync(WorkflowStoreSql.Insert, instance, effects, parameters =>
            {
                parameters.Add(new NpgsqlParameter<string>("receiving_agency", instance.ReceivingAgency));
                parameters.Add(new NpgsqlParameter<DateTimeOffset>("started_at", instance.StartedAt.ToUniversalTime()));
            }, cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new WorkflowConflictException($"Dossier {instance.DossierCode} already has a workflow.",
                $"Hồ sơ {instance.DossierCode} đã có quy trình xử lý.");
        }
    }

    public async Task SaveAsync(WorkflowInstance instance, long expectedVersion, IReadOnlyList<WorkflowEffect> effects, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (instance.Version != expectedVersion + 1)
        {
            throw WorkflowConflictException.StaleVersion(instance.Id);
        }

        var written = await WriteAsync(WorkflowStoreSql.Update, instance, effects,
            parameters => parameters.Add(new NpgsqlParameter<long>("expected_version", expectedVersion)), cancellationToken);
        if (!written)
        {
            throw WorkflowConflictException.StaleVersion(instance.Id);
        }
    }

    public async Task<IReadOnlyList<DueTimer>> ListDueTimersAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default)
    {
        var rows = await db.WorkflowTimers.AsNoTracking().Where(t => t.DueAt <= now).OrderBy(t => t.DueAt).Take(max)
            .ToListAsync(cancellationToken);
        return rows.Select(t => new DueTimer(t.InstanceId, t.Id, Enum.Parse<TimerKind>(t.Kind), t.DueAt)).ToList();
    }

    /// <summary>
    /// Runs the save's one statement; true when the instance row was written. In the caller's transaction when one is open;
    /// otherwise the statement is its own transaction (atomic by itself), which saves the round trips of BEGIN and COMMIT.
    /// </summary>
    private async Task<bool> WriteAsync(WorkflowStoreSql.PositionalStatement sql, WorkflowInstance instance, IReadOnlyList<WorkflowEffect> effects,
        Action<List<NpgsqlParameter>> addParameters, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand(sql.Text, (NpgsqlConnection)db.Database.GetDbConnection(),
                db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction);
            var parameters = new List<NpgsqlParameter>(sql.Names.Count);
            var state = WorkflowStoreParameters.AddInstance(parameters, instance);
            WorkflowStoreParameters.AddProjections(parameters, instance, effects, actor.Current, clock.GetUtcNow());
            addParameters(parameters);
            sql.Apply(parameters, command.Parameters);
            SendableValues.Check(command.Parameters);
            // Planning this statement costs about as much as running it (EXPLAIN: 1.6 ms against 1.7 ms): the connection prepares it
            // at its second use and keeps it across pool returns (DatabaseOptions.Effective), so PostgreSQL reuses a plan — unless the
            // operator turned preparing off for a proxy that cannot keep prepared statements.
            var written = (long)(await command.ExecuteScalarAsync(cancellationToken))! == 1;
            if (written && effects.Count > 0)
            {
                // Woken at the caller's commit, or at once when the statement was its own transaction.
                wake.Queued(db);
            }

            if (written && command.Transaction is null)
            {
                // Committed by itself; in a caller's transaction the state is not known to be committed until the caller says so.
                states.Remember(instance.Id, instance.Version, state);
            }

            return written;
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure)
        {
            // PostgreSQL chose this transaction as a deadlock victim or could not serialise it: for the caller it is a conflict.
            throw new WorkflowConflictException("The dossier was changed by someone else at the same time.",
                "Hồ sơ vừa được người khác xử lý cùng lúc. Vui lòng tải lại và thử lại.");
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<WorkflowInstance?> ReadStateAsync(string sql, NpgsqlParameter key, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand(sql, (NpgsqlConnection)db.Database.GetDbConnection(),
                db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction);
            command.Parameters.Add(key);
            SendableValues.Check(command.Parameters);
            var state = (string?)await command.ExecuteScalarAsync(cancellationToken);
            if (state is null)
            {
                return null;
            }

            var instance = WorkflowStateSerializer.Deserialize(state);
            if (command.Transaction is null)
            {
                // Read outside a transaction: committed, never a caller's own write that may still be rolled back.
                states.Remember(instance.Id, instance.Version, state);
            }

            Observability.DossierLogContext.Observe(instance.DossierCode);
            return instance;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

using Microsoft.EntityFrameworkCore;
using OneStop.Infrastructure.Data;
using OneStop.Workflows.Runtime;
using OneStop.Workflows.Runtime.Errors;

namespace OneStop.Infrastructure.Workflows;

/// <summary>
/// Fires due timers exactly once across every host: the instance row of a due timer is locked with FOR UPDATE SKIP LOCKED
/// in a transaction that the engine's save joins, so the lock, the state change and the timer's removal commit together,
/// and no two hosts ever work on the same instance at once (locking the instance, not the timer, rules out deadlocks
/// between two timers of one instance).
/// </summary>
public sealed class WorkflowTimerProcessor(OneStopDbContext db, IWorkflowEngine engine, TimeProvider clock)
{
    private sealed record LockedTimer(Guid Id, Guid InstanceId);

    /// <summary>Fires up to <paramref name="max"/> due timers; returns how many fired.</summary>
    public async Task<int> ProcessDueAsync(int max, CancellationToken cancellationToken = default)
    {
        var fired = 0;
        var skipped = new HashSet<Guid>();
        while (fired < max && !cancellationToken.IsCancellationRequested)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var skip = skipped.ToArray();
            var timer = (await db.Database.SqlQuery<LockedTimer>($"""
                SELECT t.id, t.instance_id FROM workflow_timers t JOIN workflow_instances i ON i.id = t.instance_id
                WHERE t.due_at <= {now} AND NOT (t.id = ANY({skip}))
                ORDER BY t.due_at LIMIT 1 FOR UPDATE OF i SKIP LOCKED
                """).ToListAsync(cancellationToken)).SingleOrDefault();
            if (timer is null)
            {
                return fired;
            }

            using var activity = Observability.OneStopTelemetry.StartBackgroundActivity("onestop.timer.fire");
            using var dossier = Observability.DossierLogContext.Begin();
            try
            {
                var result = await engine.ProcessTimerAsync(timer.InstanceId, timer.Id, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                if (result.Effects.Count > 0)
                {
                    fired++;
                }
                else
                {
                    // The row was a stale view of a timer another host fired a moment ago (the join saw the timer before that
                    // commit and the instance after it): nothing happened, and it must not be counted or picked again.
                    skipped.Add(timer.Id);
                }
            }
            catch (WorkflowConflictException)
            {
                // Someone changed the instance meanwhile; the timer stays and is tried again on the next poll.
                await transaction.RollbackAsync(cancellationToken);
                skipped.Add(timer.Id);
            }
        }

        return fired;
    }
}

using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OneStop.Core.Dossiers;

namespace OneStop.Infrastructure.Observability;

/// <summary>
/// Counts dossiers submitted and ended, per agency, from the changes EF Core saves — whichever page, endpoint or background effect
/// made them — and only once the change is committed: inside a transaction the counts wait for its commit and vanish with a
/// rollback. Also reports the code of a dossier being saved to <see cref="DossierLogContext"/>.
/// </summary>
internal sealed class DossierMetricsInterceptor(OneStopMetrics metrics, AgencyCodes agencies) : SaveChangesInterceptor
{
    private sealed record Change(Guid AgencyId, string? Outcome, bool OnTime);

    private sealed class Pending
    {
        public List<Change> Saving { get; } = [];

        public List<(string Agency, string? Outcome, bool OnTime)> Committing { get; } = [];
    }

    private readonly ConditionalWeakTable<DbContext, Pending> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (Collect(eventData.Context) is { Count: > 0 } changes)
        {
            agencies.Load(eventData.Context!, changes.Select(c => c.AgencyId));
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (Collect(eventData.Context) is { Count: > 0 } changes)
        {
            await agencies.LoadAsync(eventData.Context!, changes.Select(c => c.AgencyId), cancellationToken);
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Discard(eventData.Context, committing: false);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Discard(eventData.Context, committing: false);
        return Task.CompletedTask;
    }

    /// <summary>The transaction the saves were part of committed: count them.</summary>
    internal void Committed(DbContext? context)
    {
        if (context is not null && _pending.TryGetValue(context, out var pending))
        {
            Publish(pending.Committing);
        }
    }

    /// <summary>A transaction starts: whatever an abandoned one (disposed without commit) had saved never happened.</summary>
    internal void Started(DbContext? context) => Discard(context, committing: true);

    /// <summary>The transaction rolled back: what it saved never happened.</summary>
    internal void RolledBack(DbContext? context) => Discard(context, committing: true);

    private List<Change>? Collect(DbContext? context)
    {
        if (context is null)
        {
            return null;
        }

        List<Change>? changes = null;
        foreach (var entry in context.ChangeTracker.Entries<Dossier>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                DossierLogContext.Observe(entry.Entity.Code);
            }

            if (ChangeOf(entry) is { } change)
            {
                (changes ??= []).Add(change);
            }
        }

        if (changes is not null)
        {
            var pending = _pending.GetOrCreateValue(context);
            pending.Saving.Clear();
            pending.Saving.AddRange(changes);
        }

        return changes;
    }

    private static Change? ChangeOf(EntityEntry<Dossier> entry)
    {
        var dossier = entry.Entity;
        var before = entry.State switch
        {
            EntityState.Added => DossierStatus.Draft,
            EntityState.Modified when entry.Property(d => d.Status).IsModified => entry.Property(d => d.Status).OriginalValue,
            _ => dossier.Status,
        };
        if (before == dossier.Status)
        {
            return null;
        }

        if (before == DossierStatus.Draft)
        {
            return new Change(dossier.AgencyId, null, true);
        }

        if (dossier.IsClosed && before is not (DossierStatus.Completed or DossierStatus.Rejected or DossierStatus.Withdrawn))
        {
            var due = dossier.NewDueAt ?? dossier.DueAt;
            var onTime = due is null || dossier.CompletedAt is null || dossier.CompletedAt <= due;
            return new Change(dossier.AgencyId, dossier.Status.ToString().ToLowerInvariant(), onTime);
        }

        return null;
    }

    private void Saved(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending) || pending.Saving.Count == 0)
        {
            return;
        }

        var saved = pending.Saving.Select(c => (agencies[c.AgencyId], c.Outcome, c.OnTime)).ToList();
        pending.Saving.Clear();
        if (context.Database.CurrentTransaction is null)
        {
            Publish(saved);
        }
        else
        {
            pending.Committing.AddRange(saved);
        }
    }

    private void Publish(List<(string Agency, string? Outcome, bool OnTime)> changes)
    {
        foreach (var (agency, outcome, onTime) in changes)
        {
            if (outcome is null)
            {
                metrics.DossierSubmitted(agency);
            }
            else
            {
                metrics.DossierEnded(agency, outcome, onTime);
            }
        }

        changes.Clear();
    }

    private void Discard(DbContext? context, bool committing)
    {
        if (context is not null && _pending.TryGetValue(context, out var pending))
        {
            pending.Saving.Clear();
            if (committing)
            {
                pending.Committing.Clear();
            }
        }
    }
}

/// <summary>Passes transaction outcomes to <see cref="DossierMetricsInterceptor"/>.</summary>
internal sealed class DossierMetricsTransactions(DossierMetricsInterceptor counts) : DbTransactionInterceptor
{
    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        counts.Started(eventData.Context);
        return result;
    }

    public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result,
        CancellationToken cancellationToken = default)
    {
        counts.Started(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => counts.Committed(eventData.Context);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        counts.Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => counts.RolledBack(eventData.Context);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        counts.RolledBack(eventData.Context);
        return Task.CompletedTask;
    }
}

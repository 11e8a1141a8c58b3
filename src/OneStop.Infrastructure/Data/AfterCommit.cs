using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OneStop.Infrastructure.Data;

/// <summary>
/// Notes a save that <see cref="Concerns"/> this interceptor and calls <see cref="OnCommitted"/> once what it saved is committed: at
/// once without a transaction, at the commit of the transaction otherwise, never after a failed save or a rollback. What a save
/// concerns is a set of flags of the interceptor's own; the flags of every save of one transaction are committed together.
/// </summary>
internal abstract class AfterCommitInterceptor : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, StrongBox<int>> _saving = [];
    private readonly ConditionalWeakTable<DbContext, StrongBox<int>> _uncommitted = [];

    /// <summary>
    /// What of the pending save (read from the context's change tracker, before it runs) concerns this interceptor, as flags of its
    /// own; 0 for nothing.
    /// </summary>
    protected abstract int Concerns(DbContext context);

    /// <summary>
    /// What the interceptor noted (the flags of the transaction's saves, together) is committed. Keep it short and never throwing: it
    /// runs inside the save or the commit.
    /// </summary>
    protected abstract void OnCommitted(int concerned);

    public sealed override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public sealed override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public sealed override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public sealed override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public sealed override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            _saving.Remove(context);
        }
    }

    public sealed override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    internal void Committed(DbContext? context)
    {
        if (context is not null && _uncommitted.TryGetValue(context, out var concerned) && _uncommitted.Remove(context))
        {
            OnCommitted(concerned.Value);
        }
    }

    internal void RolledBack(DbContext? context)
    {
        if (context is not null)
        {
            _uncommitted.Remove(context);
        }
    }

    /// <summary>
    /// A transaction starts: what an earlier one abandoned without a commit or a rollback (disposed after an error) noted never
    /// committed. Contexts are pooled, so such a note would otherwise outlive its request.
    /// </summary>
    internal void Started(DbContext? context) => RolledBack(context);

    /// <summary>
    /// Notes what the context's connection wrote without SaveChanges (a raw statement): <see cref="OnCommitted"/> at once without a
    /// transaction (the statement committed by itself), at the commit of the transaction otherwise.
    /// </summary>
    protected void NoteWrittenOutsideSave(DbContext context, int concerned)
    {
        if (context.Database.CurrentTransaction is null)
        {
            OnCommitted(concerned);
        }
        else
        {
            _uncommitted.GetOrCreateValue(context).Value |= concerned;
        }
    }

    private void Note(DbContext? context)
    {
        if (context is not null && Concerns(context) is not 0 and var concerned)
        {
            _saving.AddOrUpdate(context, new StrongBox<int>(concerned));
        }
    }

    private void Saved(DbContext? context)
    {
        if (context is null || !_saving.TryGetValue(context, out var concerned) || !_saving.Remove(context))
        {
            return;
        }

        NoteWrittenOutsideSave(context, concerned.Value);
    }
}

/// <summary>Tells every <see cref="AfterCommitInterceptor"/> when a transaction starts, commits or rolls back.</summary>
internal sealed class AfterCommitTransactions(IEnumerable<AfterCommitInterceptor> interceptors) : DbTransactionInterceptor
{
    private readonly AfterCommitInterceptor[] _interceptors = [.. interceptors];

    public override System.Data.Common.DbTransaction TransactionStarted(System.Data.Common.DbConnection connection, TransactionEndEventData eventData,
        System.Data.Common.DbTransaction result)
    {
        foreach (var interceptor in _interceptors)
        {
            interceptor.Started(eventData.Context);
        }

        return result;
    }

    public override ValueTask<System.Data.Common.DbTransaction> TransactionStartedAsync(System.Data.Common.DbConnection connection,
        TransactionEndEventData eventData, System.Data.Common.DbTransaction result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(TransactionStarted(connection, eventData, result));

    public override void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData)
    {
        foreach (var interceptor in _interceptors)
        {
            interceptor.Committed(eventData.Context);
        }
    }

    public override Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData)
    {
        foreach (var interceptor in _interceptors)
        {
            interceptor.RolledBack(eventData.Context);
        }
    }

    public override Task TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        TransactionRolledBack(transaction, eventData);
        return Task.CompletedTask;
    }
}

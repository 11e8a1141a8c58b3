namespace OneStop.Infrastructure.Data;

/// <summary>
/// Joins the transaction already open on the scope's context, or begins one, commits it when the work succeeds and rolls it back
/// when it throws. Use cases, the workflow store, the dossier-syncing engine and the code generator all go through it.
/// </summary>
internal sealed class UnitOfWork(OneStopDbContext db) : IUnitOfWork
{
    public bool HasActiveTransaction => db.Database.CurrentTransaction is not null;

    public async Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (HasActiveTransaction)
        {
            return await work();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await work();
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public Task InTransactionAsync(Func<Task> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        return InTransactionAsync(async () =>
        {
            await work();
            return true;
        }, cancellationToken);
    }
}

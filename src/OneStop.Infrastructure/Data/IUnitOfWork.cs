namespace OneStop.Infrastructure.Data;

/// <summary>The one owner of database transactions: work runs in the caller's transaction, or in one of its own that it commits.</summary>
public interface IUnitOfWork
{
    bool HasActiveTransaction { get; }

    Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken = default);

    Task InTransactionAsync(Func<Task> work, CancellationToken cancellationToken = default);
}

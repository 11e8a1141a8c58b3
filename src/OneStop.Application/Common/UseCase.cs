using OneStop.Infrastructure.Data;

namespace OneStop.Application.Common;

/// <summary>
/// One use case: everything it changes commits together or not at all. The transaction is owned here, once, for every use case
/// (a use case called inside another joins the caller's).
/// </summary>
public abstract class UseCase<TCommand, TResult>(IUnitOfWork unitOfWork)
{
    public virtual Task<TResult> ExecuteAsync(TCommand command, CancellationToken cancellationToken = default) =>
        unitOfWork.InTransactionAsync(() => RunAsync(command, cancellationToken), cancellationToken);

    protected abstract Task<TResult> RunAsync(TCommand command, CancellationToken cancellationToken);
}

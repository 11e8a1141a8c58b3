using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OneStop.Infrastructure.NationalPortal;

/// <summary>Tells <see cref="PortalMessageInterceptor"/> when a transaction commits or rolls back, so it raises the delivery signal only after a commit.</summary>
internal sealed class PortalMessageTransactions(PortalMessageInterceptor messages) : DbTransactionInterceptor
{
    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => messages.Committed(eventData.Context);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        messages.Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => messages.RolledBack(eventData.Context);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        messages.RolledBack(eventData.Context);
        return Task.CompletedTask;
    }
}

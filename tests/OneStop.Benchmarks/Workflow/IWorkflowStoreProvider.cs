using OneStop.Workflows.Runtime.Store;

namespace OneStop.Benchmarks.Workflow;

/// <summary>
/// Supplies the <see cref="IWorkflowStore"/> the OneStop engine is measured on; selected with <c>--store NAME</c>.
/// The PostgreSQL figure plugs in here: implement this over the Infrastructure store and register it in <see cref="WorkflowStoreProviders"/>.
/// </summary>
internal interface IWorkflowStoreProvider : IAsyncDisposable
{
    /// <summary>How the store is named in the results table, e.g. "in memory" or "PostgreSQL 17 (localhost)".</summary>
    string Description { get; }

    /// <summary>A fresh, empty store for one measured case, so cases do not slow each other down.</summary>
    Task<IWorkflowStore> CreateStoreAsync(CancellationToken cancellationToken = default);
}

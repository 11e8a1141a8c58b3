using OneStop.Workflows.Runtime.Store;

namespace OneStop.Benchmarks.Workflow;

/// <summary>The engine's own <see cref="InMemoryWorkflowStore"/> (it serialises state on every save, as a database store would).</summary>
internal sealed class InMemoryStoreProvider : IWorkflowStoreProvider
{
    public string Description => "in memory (InMemoryWorkflowStore)";

    public Task<IWorkflowStore> CreateStoreAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IWorkflowStore>(new InMemoryWorkflowStore());

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

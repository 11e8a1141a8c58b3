using OneStop.Workflows.Runtime.Errors;
using OneStop.Workflows.Runtime.State;

namespace OneStop.Workflows.Runtime.Store;

/// <summary>A thread-safe in-memory store for tests and benchmarks; it keeps serialised copies so callers never share state.</summary>
public sealed class InMemoryWorkflowStore : IWorkflowStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, string> _states = [];
    private readonly Dictionary<string, Guid> _byDossierCode = new(StringComparer.Ordinal);
    private readonly List<WorkflowEffect> _outbox = [];

    /// <summary>Every effect saved so far, in order.</summary>
    public IReadOnlyList<WorkflowEffect> Outbox
    {
        get
        {
            lock (_gate)
                return [.. _outbox];
        }
    }

    public Task<WorkflowInstance?> LoadAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return Task.FromResult(_states.TryGetValue(instanceId, out var json) ? WorkflowStateSerializer.Deserialize(json) : null);
    }

    public Task<WorkflowInstance?> FindByDossierCodeAsync(string dossierCode, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_byDossierCode.TryGetValue(dossierCode, out var id)
                ? WorkflowStateSerializer.Deserialize(_states[id])
                : null);
        }
    }

    public Task InsertAsync(WorkflowInstance instance, IReadOnlyList<WorkflowEffect> effects, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        lock (_gate)
        {
            if (_byDossierCode.ContainsKey(instance.DossierCode) || _states.ContainsKey(instance.Id))
            {
                throw new WorkflowConflictException($"Dossier {instance.DossierCode} already has a workflow.",
                    $"Hồ sơ {instance.DossierCode} đã có quy trình xử lý.");
            }

            _states[instance.Id] = WorkflowStateSerializer.Serialize(instance);
            _byDossierCode[instance.DossierCode] = instance.Id;
            _outbox.AddRange(effects);
        }

        return Task.CompletedTask;
    }

    public Task SaveAsync(WorkflowInstance instance, long expectedVersion, IReadOnlyList<WorkflowEffect> effects, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        lock (_gate)
        {
            if (!_states.TryGetValue(instance.Id, out var current)
                || WorkflowStateSerializer.Deserialize(current).Version != expectedVersion
                || instance.Version != expectedVersion + 1)
            {
                throw WorkflowConflictException.StaleVersion(instance.Id);
            }

            _states[instance.Id] = WorkflowStateSerializer.Serialize(instance);
            _outbox.AddRange(effects);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DueTimer>> ListDueTimersAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<DueTimer> due = _states.Values.Select(WorkflowStateSerializer.Deserialize)
                .SelectMany(i => i.Timers.Where(t => t.DueAt <= now).Select(t => new DueTimer(i.Id, t.Id, t.Kind, t.DueAt)))
                .OrderBy(t => t.DueAt).Take(max).ToList();
            return Task.FromResult(due);
        }
    }
}
